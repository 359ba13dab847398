using Lethe.Data;
using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Tests.Data;

/// <summary>Tiny image sets whose pixels name their sample, so a batch tells which samples it holds.</summary>
internal static class LoaderFixtures
{
    /// <summary>Image i is filled with the value i (so count must stay below 256); its label is i mod 8.</summary>
    public static ImageSet NumberedImages(int count, int side = 16)
    {
        var samples = Enumerable.Range(0, count).Select(i => new Sample($"img{i}", $"person{i / 4}", [i % 8])).ToArray();
        using var values = arange(count, dtype: ScalarType.Byte);
        var pixels = values.view(count, 1, 1, 1).expand(count, 3, side, side).contiguous();
        return new ImageSet(samples, pixels);
    }

    /// <summary>The sample numbers in a batch made from <see cref="NumberedImages"/> with an identity transform.</summary>
    public static int[] SampleNumbers(Batch batch)
    {
        using var corner = batch.Images.select(1, 0).select(1, 0).select(1, 0).mul(255).round();
        return corner.data<float>().ToArray().Select(v => (int)v).ToArray();
    }

    public static BatchLoader Loader(ImageSet set, IImageTransform transform, BatchOptions options, long seed = 42,
        string stream = "test") =>
        new(set, MultiClassTask.AgeGroups, transform, options, CPU, seed, stream);

    /// <summary>Every batch of one epoch, copied to managed arrays so nothing outlives the call.</summary>
    public static List<(float[] Images, long[] Targets, long[] Shape)> Drain(BatchLoader loader)
    {
        var result = new List<(float[], long[], long[])>();
        foreach (var batch in loader.Epoch())
            using (batch)
                result.Add((batch.Images.data<float>().ToArray(), batch.Targets.data<long>().ToArray(), batch.Images.shape));
        return result;
    }
}
