namespace Lethe.Audit;

/// <summary>
/// Which images belong to which person, for scoring forgetting per person: an erasure request names a person, not a
/// photo. An identity's φ under one model is the mean φ over its images (issue 12, "per image and per identity").
/// </summary>
public sealed class IdentityGroups
{
    private readonly int[][] _columns;

    private IdentityGroups(IReadOnlyList<string> identities, int[][] columns, int imageCount)
    {
        Identities = identities;
        _columns = columns;
        ImageCount = imageCount;
    }

    /// <summary>The identities, in the order of their first image.</summary>
    public IReadOnlyList<string> Identities { get; }

    /// <summary>How many images (columns) the groups cover.</summary>
    public int ImageCount { get; }

    /// <summary>How many images identity <paramref name="identity"/> (an index into <see cref="Identities"/>) has.</summary>
    public int ImagesOf(int identity) => _columns[identity].Length;

    /// <summary>The image columns of identity <paramref name="identity"/> (an index into <see cref="Identities"/>).</summary>
    public IReadOnlyList<int> ColumnsOf(int identity) => _columns[identity];

    /// <summary>Groups the columns of a φ matrix by the identity of each.</summary>
    /// <param name="identityOfImage">The identity of each image, one per φ column.</param>
    /// <exception cref="ArgumentException">No image, or an identity that is null or empty.</exception>
    public static IdentityGroups Of(IReadOnlyList<string> identityOfImage)
    {
        if (identityOfImage.Count == 0) throw new ArgumentException("No image to group.", nameof(identityOfImage));
        var columns = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var image = 0; image < identityOfImage.Count; image++)
        {
            var identity = identityOfImage[image];
            if (string.IsNullOrEmpty(identity))
                throw new ArgumentException($"Image {image} has no identity.", nameof(identityOfImage));
            if (!columns.TryGetValue(identity, out var list))
            {
                columns[identity] = list = [];
                order.Add(identity);
            }
            list.Add(image);
        }
        return new IdentityGroups(order, order.Select(i => columns[i].ToArray()).ToArray(), identityOfImage.Count);
    }

    /// <summary>Each model's mean φ over each identity's images.</summary>
    /// <param name="phi">Models × images.</param>
    /// <returns>Models × identities, in the order of <see cref="Identities"/>.</returns>
    /// <exception cref="ArgumentException">A column count other than <see cref="ImageCount"/>.</exception>
    public double[,] MeanPhi(double[,] phi)
    {
        if (phi.GetLength(1) != ImageCount)
            throw new ArgumentException($"φ has {phi.GetLength(1)} images (columns); the groups cover {ImageCount}.", nameof(phi));
        var means = new double[phi.GetLength(0), Identities.Count];
        for (var model = 0; model < phi.GetLength(0); model++)
            for (var identity = 0; identity < Identities.Count; identity++)
            {
                var sum = 0.0;
                foreach (var image in _columns[identity]) sum += phi[model, image];
                means[model, identity] = sum / _columns[identity].Length;
            }
        return means;
    }
}
