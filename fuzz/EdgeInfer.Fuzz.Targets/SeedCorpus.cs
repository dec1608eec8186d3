using System.Runtime.InteropServices;
using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Models.Files;
using EdgeInfer.Pruning.Wire;
using EdgeInfer.Study.Config;
using Google.Protobuf;
using Onnx;
using SkiaSharp;

namespace EdgeInfer.Fuzz.Targets;

/// <summary>
/// Writes the seed corpora of <c>fuzz/corpus/TARGET/</c> with the project's own writers (a few small files per target):
/// <c>EdgeInfer.Fuzz --write-seeds fuzz/corpus</c>. The cell scenario seeds are copies of <c>examples/</c>.
/// </summary>
public static class SeedCorpus
{
    private static readonly long[] TensorShape = [1, 3, 4, 4];

    /// <summary>Writes every target's seeds under <paramref name="corpusRoot"/>, reading examples from <paramref name="repositoryRoot"/>.</summary>
    public static void Write(string corpusRoot, string repositoryRoot)
    {
        var tiny = TinyConv();
        var onnx = Save(tiny);
        Put(corpusRoot, "wire", "none.eiw", WireCodec.Encode(tiny, new WireOptions { Compression = WireCompression.None }));
        Put(corpusRoot, "wire", "brotli.eiw", WireCodec.Encode(tiny, new WireOptions { Compression = WireCompression.Brotli }));
        Put(corpusRoot, "wire", "deflate-planes.eiw",
            WireCodec.Encode(tiny, new WireOptions { Compression = WireCompression.Deflate, ShuffleBytePlanes = true }));
        Put(corpusRoot, "onnx", "conv-relu.onnx", onnx);
        var tagged = tiny.Clone();
        tagged.MetadataProps.Add(new StringStringEntryProto { Key = "edgeinfer.trained", Value = "true" });
        tagged.Graph.Initializer[0].RawData = ByteString.Empty;
        tagged.Graph.Initializer[0].FloatData.AddRange(new float[6]);
        Put(corpusRoot, "onnx", "float-data-metadata.onnx", Save(tagged));
        foreach (var name in new[] { "cell-minimal.json", "cell.json" })
        {
            Put(corpusRoot, "scenario", name, File.ReadAllBytes(Path.Combine(repositoryRoot, "examples", name)));
        }

        Put(corpusRoot, "scenario", "empty-object.json", "{}"u8.ToArray());
        Put(corpusRoot, "study-config", "quick.json", System.Text.Encoding.UTF8.GetBytes(StudyConfigWriter.ToJson(StudyPresets.Quick)));
        Put(corpusRoot, "study-config", "small.json",
            """{ "models": ["mobilenet"], "pruningFactors": [0, 0.5], "edgeLoads": [0, 2], "samples": 3, "pruneTiming": "derived" }"""u8.ToArray());
        var idx = new IdxArray([2, 3, 3], [.. Enumerable.Range(0, 18).Select(i => (byte)(i * 13))]);
        Put(corpusRoot, "idx", "images.idx", IdxBytes(idx, gzip: false));
        Put(corpusRoot, "idx", "images.idx.gz", IdxBytes(idx, gzip: true));
        Put(corpusRoot, "idx", "labels.idx", IdxBytes(new IdxArray([4], [0, 1, 2, 9]), gzip: false));
        var png = Encode(SKEncodedImageFormat.Png);
        var jpeg = Encode(SKEncodedImageFormat.Jpeg);
        Put(corpusRoot, "image", "tiny.png", png);
        Put(corpusRoot, "image", "tiny.jpg", jpeg);
        var tensor = MemoryMarshal.AsBytes(Enumerable.Range(0, 48).Select(i => i / 48f).ToArray().AsSpan()).ToArray();
        Put(corpusRoot, "tensor-body", "tensor.bin", [0, .. "1,3,4,4\n"u8, .. tensor]);
        Put(corpusRoot, "tensor-body", "png.bin", [1, .. "\n"u8, .. png]);
        Put(corpusRoot, "tensor-body", "jpeg.bin", [2, .. "\n"u8, .. jpeg]);
    }

    /// <summary>input [1,3,4,4] → Conv 1×1 (2 filters, half the weights zero) → Relu → output [1,2,4,4]; opset 13.</summary>
    public static ModelProto TinyConv()
    {
        static ValueInfoProto Value(string name, params long[] dims)
        {
            var shape = new TensorShapeProto();
            shape.Dim.AddRange(dims.Select(d => new TensorShapeProto.Types.Dimension { DimValue = d }));
            return new ValueInfoProto
            {
                Name = name,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
            };
        }

        float[] weights = [0.5f, 0, 0, 0, -0.25f, 0];
        var weight = new TensorProto
        {
            Name = "w",
            DataType = (int)TensorProto.Types.DataType.Float,
            RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(weights.AsSpan())),
        };
        weight.Dims.AddRange([2, 3, 1, 1]);
        var graph = new GraphProto { Name = "tiny" };
        graph.Input.Add(Value("input", TensorShape));
        graph.Output.Add(Value("output", 1, 2, 4, 4));
        graph.Initializer.Add(weight);
        graph.Node.Add(new NodeProto { Name = "conv", OpType = "Conv", Input = { "input", "w" }, Output = { "c" } });
        graph.Node.Add(new NodeProto { Name = "relu", OpType = "Relu", Input = { "c" }, Output = { "output" } });
        var model = new ModelProto { IrVersion = 8, ProducerName = "edgeinfer-fuzz", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Version = 13 });
        return model;
    }

    private static byte[] Save(ModelProto model)
    {
        using var stream = new MemoryStream();
        OnnxModelFile.Write(model, stream);
        return stream.ToArray();
    }

    private static byte[] IdxBytes(IdxArray array, bool gzip)
    {
        var path = FuzzScratch.PathOf(gzip ? "seed.idx.gz" : "seed.idx");
        IdxFormat.Write(path, array, gzip);
        return File.ReadAllBytes(path);
    }

    private static byte[] Encode(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(5, 3, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (var y = 0; y < 3; y++)
        {
            for (var x = 0; x < 5; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)(x * 50), (byte)(y * 80), 128));
            }
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private static void Put(string root, string target, string name, byte[] bytes)
    {
        var folder = Path.Combine(root, target);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name), bytes);
    }
}
