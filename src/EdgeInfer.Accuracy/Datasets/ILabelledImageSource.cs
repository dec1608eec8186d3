using EdgeInfer.Imaging;

namespace EdgeInfer.Accuracy.Datasets;

/// <summary>A labelled image collection read one image at a time (IDX arrays, image folders).</summary>
public interface ILabelledImageSource
{
    /// <summary>A short description for reports: the path or "embedded Fashion-MNIST subset (test)".</summary>
    string Description { get; }

    /// <summary>Number of images, including any that turn out unreadable.</summary>
    int Count { get; }

    /// <summary>Class names; index = class label.</summary>
    IReadOnlyList<string> ClassNames { get; }

    /// <summary>The label (class index) of image <paramref name="index"/>.</summary>
    int LabelOf(int index);

    /// <summary>Decodes image <paramref name="index"/>; false with a reason when it is unreadable or corrupt.</summary>
    bool TryDecode(int index, out RawImage? image, out string? problem);
}
