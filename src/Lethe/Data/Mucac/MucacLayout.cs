using Lethe.Data.Files;

namespace Lethe.Data;

/// <summary>
/// Where the MUCAC files are under a root (as the reference notebooks download them): the images in
/// CelebAMask-HQ/CelebA-HQ-img, the two annotation files next to CelebAMask-HQ/ or inside it. Without
/// CelebA-HQ-attribute.txt, the archive's own CelebAMask-HQ-attribute-anno.txt (same format) is used.
/// </summary>
public sealed record MucacLayout(string Root, string ImageFolder, string IdentityFile, string AttributeFile)
{
    public const string ArchiveFolderName = "CelebAMask-HQ";
    public const string ImageFolderName = "CelebA-HQ-img";
    public const string IdentityFileName = "CelebA-HQ-identity.txt";
    public const string AttributeFileName = "CelebA-HQ-attribute.txt";
    public const string ArchiveAttributeFileName = "CelebAMask-HQ-attribute-anno.txt";

    /// <exception cref="DataFileException">The root, the image folder or an annotation file is missing; the message
    /// says which paths were looked at.</exception>
    public static MucacLayout Find(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        root = Path.GetFullPath(root);
        if (!Directory.Exists(root)) throw new DataFileException(root, null, "MUCAC folder not found");
        var archive = Path.Combine(root, ArchiveFolderName);
        var images = Path.Combine(archive, ImageFolderName);
        if (!Directory.Exists(images))
            throw new DataFileException(images, null,
                $"image folder not found: MUCAC expects {ArchiveFolderName}/{ImageFolderName}/*.jpg under the root");
        string[] places = [root, archive];
        var identity = FirstExisting(root, places, IdentityFileName);
        var attributes = FirstExisting(root, places, AttributeFileName, ArchiveAttributeFileName);
        return new MucacLayout(root, images, identity, attributes);
    }

    /// <summary>The .jpg file names in <see cref="ImageFolder"/>, in numeric order of their stems
    /// (<see cref="NumericFileOrder"/>).</summary>
    /// <exception cref="DataFileException">The folder holds no .jpg file.</exception>
    public IReadOnlyList<string> ImageNames()
    {
        var names = Directory.EnumerateFiles(ImageFolder, "*.jpg", new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive })
            .Select(p => Path.GetFileName(p))
            .Order(NumericFileOrder.Instance)
            .ToArray();
        if (names.Length == 0) throw new DataFileException(ImageFolder, null, "no .jpg images in the image folder");
        return names;
    }

    /// <summary>The first of <paramref name="names"/> (in order of preference) found in any of <paramref name="places"/>.</summary>
    private static string FirstExisting(string root, string[] places, params string[] names)
    {
        var candidates = names.SelectMany(name => places.Select(place => Path.Combine(place, name))).ToArray();
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new DataFileException(root, null,
                $"{names[0]} not found; looked for {string.Join(", ", candidates.Select(c => Path.GetRelativePath(root, c)))}");
    }
}
