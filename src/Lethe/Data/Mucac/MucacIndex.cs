using Lethe.Data.Files;

namespace Lethe.Data;

/// <summary>
/// Every MUCAC image with its identity, attributes and set, read from the annotation files and the image folder but
/// without decoding a pixel, so a dataset check can use it as the loader does.
/// </summary>
public sealed class MucacIndex
{
    private MucacIndex(MucacLayout layout, MucacThresholds thresholds, IReadOnlyList<MucacImage> images,
        IReadOnlyList<string> missingImages)
    {
        Layout = layout;
        Thresholds = thresholds;
        Images = images;
        MissingImages = missingImages;
        Counts = MucacSplitCounts.Of(images);
    }

    public MucacLayout Layout { get; }

    public MucacThresholds Thresholds { get; }

    /// <summary>Every image found, in numeric order of file name.</summary>
    public IReadOnlyList<MucacImage> Images { get; }

    /// <summary>Images the identity file lists but the image folder lacks (an incomplete copy), in numeric order.</summary>
    public IReadOnlyList<string> MissingImages { get; }

    public MucacSplitCounts Counts { get; }

    /// <summary>The images of one set, in numeric order.</summary>
    public IReadOnlyList<MucacImage> In(MucacSplit split) => Images.Where(i => i.Split == split).ToArray();

    /// <summary>D_train: the forget images, then the retain images, so that both are contiguous ranges of it.</summary>
    public IReadOnlyList<MucacImage> Train => [.. In(MucacSplit.Forget), .. In(MucacSplit.Retain)];

    /// <summary>Finds the files under <paramref name="root"/>, parses both annotation files, and lists the image folder.</summary>
    /// <exception cref="DataFileException">A file is missing or malformed, or an image has no annotation.</exception>
    public static MucacIndex Read(string root, MucacThresholds? thresholds = null)
    {
        var layout = MucacLayout.Find(root);
        return Build(layout, layout.ImageNames(), thresholds);
    }

    /// <summary>
    /// The index of the images named <paramref name="imageNames"/> (file names in the image folder, which is not listed
    /// again), with the annotations of <paramref name="layout"/>.
    /// </summary>
    public static MucacIndex Build(MucacLayout layout, IEnumerable<string> imageNames, MucacThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        thresholds ??= MucacThresholds.Default;
        thresholds.Validate();
        var identities = CelebAIdentities.Read(layout.IdentityFile);
        var attributes = CelebAAttributes.Read(layout.AttributeFile).Values;
        var names = imageNames.Order(NumericFileOrder.Instance).ToArray();
        var images = names.Select(name =>
        {
            int identity = Annotation(identities, name, layout.IdentityFile, layout.ImageFolder);
            var values = Annotation(attributes, name, layout.AttributeFile, layout.ImageFolder);
            return new MucacImage(name, identity, values, thresholds.SplitOf(identity));
        }).ToArray();
        var missing = identities.Keys.Except(names, StringComparer.Ordinal).Order(NumericFileOrder.Instance).ToArray();
        return new MucacIndex(layout, thresholds, images, missing);
    }

    /// <summary>
    /// What a user should hear about before a run: set sizes that differ from the reference's (only meaningful with the
    /// default thresholds) and images the identity file lists that are missing. Empty for a complete copy.
    /// </summary>
    public IReadOnlyList<string> Warnings()
    {
        var warnings = new List<string>();
        if (MissingImages.Count > 0)
            warnings.Add($"{MissingImages.Count:N0} images listed in {Path.GetFileName(Layout.IdentityFile)} are not in " +
                $"{Layout.ImageFolder} (first: {MissingImages[0]}); they are left out");
        if (Thresholds == MucacThresholds.Default) warnings.AddRange(MucacSplits.Differences(Counts));
        return warnings;
    }

    private static T Annotation<T>(IReadOnlyDictionary<string, T> annotations, string image, string file, string folder) =>
        annotations.TryGetValue(image, out var value)
            ? value
            : throw new DataFileException(file, null, $"has no line for {image}, which is in {folder}");
}
