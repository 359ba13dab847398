using System.Collections.Concurrent;
using Lethe.Data.Transforms;
using static TorchSharp.torch;

namespace Lethe.Data.Files;

/// <summary>
/// Decodes many image files in parallel into one uint8 [N, 3, S, S] tensor, each resized as the eval transform does
/// (shorter side to S with PIL-like antialiasing, centre crop). Doing it once at load is the same arithmetic as doing
/// it every batch, because the resize is deterministic and rounds to whole levels as PIL does.
/// </summary>
public static class ImageDecoding
{
    /// <summary>
    /// The images of <paramref name="files"/>, in order. Bad images are collected, not thrown one by one, so the caller
    /// can report them all (or skip them when the user asked); their slots stay black.
    /// </summary>
    public static (Tensor Pixels, IReadOnlyList<(int Index, DataFileException Problem)> Failures) DecodeAll(
        IReadOnlyList<string> files, int size)
    {
        // Decoding (Skia, plain .NET) runs in parallel; the torch resize runs on this thread only, because TorchSharp
        // scalars created on pool threads inside dispose scopes were seen to fail intermittently under load.
        var images = new RgbImage?[files.Count];
        var failures = new ConcurrentBag<(int, DataFileException)>();
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try { images[i] = ImageFile.Decode(files[i]); }
            catch (DataFileException problem) { failures.Add((i, problem)); }
        });
        var pixels = zeros([files.Count, 3, size, size], ScalarType.Byte);
        for (int i = 0; i < images.Length; i++)
        {
            if (images[i] is not { } image) continue;
            using var scope = NewDisposeScope();
            pixels[i].copy_(ToSquare(image, size));
            images[i] = null; // the decoded bytes are no longer needed
        }
        return (pixels, failures.OrderBy(f => f.Item1).ToArray());
    }

    /// <summary>One decoded image as uint8 [3, S, S].</summary>
    public static Tensor ToSquare(RgbImage image, int size)
    {
        var chw = tensor(image.Pixels, [image.Height, image.Width, 3], ScalarType.Byte).permute(2, 0, 1);
        if (image.Height == size && image.Width == size) return chw.contiguous();
        // Resize yields k/255 values after PIL-style rounding, so scaling back and rounding is exact.
        return Resize.ToUnitSquare(chw.unsqueeze(0), size).mul_(255).round_().to_type(ScalarType.Byte)[0];
    }
}
