using static TorchSharp.torch;

namespace Lethe.Data.Files;

/// <summary>
/// A dataset's images as <see cref="ImageStack"/> gives them: uint8 [N, 3, S, S] in file order, and the images that
/// could not be read (their rows stay black). <see cref="Pixels"/> is the holder's handle: disposing it leaves any
/// other handle on the same storage (the cache's, a set's view) valid.
/// </summary>
public sealed record DecodedImages(Tensor Pixels, IReadOnlyList<ImageFailure> Failures) : IDisposable
{
    public void Dispose() => Pixels.Dispose();
}

/// <summary>Image <paramref name="Index"/> (its position in the file list) and why it could not be decoded.</summary>
public sealed record ImageFailure(int Index, DataFileException Problem);
