using System.Net;
using System.Net.Http.Headers;

namespace EdgeInfer.Edge.Tests;

/// <summary>Issue 14 §2: an image is decoded inside an admission slot, so decodes are bounded by the concurrency.</summary>
public sealed class ImageAdmissionTests
{
    [Fact]
    public async Task Infer_Image_WaitsForASlotBeforeItIsDecoded()
    {
        var ct = TestContext.Current.CancellationToken;
        using var pruner = new BlockingPruner();
        await using var server = await TestServer.StartAsync(o => o with { MaxConcurrency = 1, QueueLimit = 1 }, pruner);
        var holder = server.Client.PostAsync("/v1/models/mobilenet/infer?pf=0.3", TestServer.Tensor(), ct);
        await pruner.WaitEnteredAsync();

        // A PNG whose header claims 3000² but holds 64²: decoding it fails (400). Decoded before admission it would be
        // answered at once; decoded inside the slot it first waits in the queue behind the held slot.
        using var content = new ByteArrayContent(ProbeImages.PngClaiming(3000, 3000));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var image = server.Client.PostAsync("/v1/models/mobilenet/infer", content, ct);
        for (var i = 0; i < 200 && (await server.StatusAsync()).GetProperty("queued").GetInt32() != 1; i++)
        {
            Assert.False(image.IsCompleted, "the image was answered while every slot was held");
            await Task.Delay(25, ct);
        }

        Assert.Equal(1, (await server.StatusAsync()).GetProperty("queued").GetInt32());
        Assert.False(image.IsCompleted);

        pruner.Release();
        using var decoded = await image;
        Assert.Equal(HttpStatusCode.BadRequest, decoded.StatusCode);
        using var first = await holder;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }
}
