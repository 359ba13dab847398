using System.Security.Cryptography;

namespace Lethe.Training;

/// <summary>
/// Where a model that Lethe did not train came from (<c>--original</c>, <c>lethe evaluate</c>): the file, its kind, its
/// size and the SHA-256 of its bytes, so that a result can be traced to exactly the weights it measured. Results carry
/// this in place of a training recipe, which such a model does not have.
/// </summary>
/// <param name="File">The file's full path, as the command was given it.</param>
/// <param name="Kind">The file's format as <see cref="ModelFormats.Describe"/> names it: "PyTorch state_dict (zip)", "Lethe checkpoint", ...</param>
/// <param name="Bytes">The file's size in bytes.</param>
/// <param name="Sha256">SHA-256 of the file's bytes, lower-case hex.</param>
/// <param name="Note">What the loader unwrapped or filled in (a trainer's checkpoint, a "module." prefix); null when nothing.</param>
public sealed record GivenModel(string File, string Kind, long Bytes, string Sha256, string? Note = null)
{
    /// <summary>The facts of <paramref name="path"/>, read once for the hash.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static GivenModel Of(string path, string? note = null)
    {
        var full = Path.GetFullPath(path);
        if (!System.IO.File.Exists(full)) throw new FileNotFoundException($"model file not found: {full}", full);
        var kind = ModelFormats.Describe(ModelFormats.Detect(full));
        using var stream = System.IO.File.OpenRead(full);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new GivenModel(full, kind, stream.Length, hash, note);
    }

    /// <summary>Its name in caches of values computed from its weights alone (the relearning curves): its SHA-256.</summary>
    public string CacheKey => KeyOf(Sha256);

    /// <summary>The <see cref="CacheKey"/> of the file whose bytes have <paramref name="sha256"/>.</summary>
    public static string KeyOf(string sha256) => "sha256:" + sha256;

    /// <summary>One line for logs and reports: "/models/given.pth (PyTorch state_dict (zip), 44.8 MB, SHA-256 9f86d0…)".</summary>
    public string Describe() =>
        $"{File} ({Kind}, {(Bytes / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} MB, SHA-256 {Sha256})";
}
