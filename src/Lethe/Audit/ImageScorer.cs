namespace Lethe.Audit;

/// <summary>
/// Scores each image by the model's φ against the pool's φ on it (<see cref="ImageScoreKind"/>), with one sd floor for
/// every set tested, so that forget and unseen images are scored alike.
/// </summary>
internal sealed class ImageScorer
{
    public ImageScorer(IReadOnlyList<PeoplePhi> sets, int poolSize, PersonMembershipOptions options)
    {
        Kind = poolSize >= options.SmallestGaussianPool ? ImageScoreKind.Gaussian : ImageScoreKind.Rank;
        var sds = sets.SelectMany(s => Enumerable.Range(0, s.Images)
            .Select(i => Math.Sqrt(new GaussianPool(PhiMatrix.Column(s.Pool, i), 0).All().Variance))).ToArray();
        SdFloor = Math.Max(options.SdFloor, options.SdFloorFraction * Percentile.Linear(sds, 50));
    }

    /// <summary>The score the test uses.</summary>
    public ImageScoreKind Kind { get; }

    /// <summary>The floor of a pool standard deviation, in φ units.</summary>
    public double SdFloor { get; }

    /// <summary>The Gaussian z of one image (the effect, in pool sds, whatever the score) and the score the test uses.</summary>
    public (double Z, double Score) Of(PeoplePhi people, int image)
    {
        var pool = PhiMatrix.Column(people.Pool, image);
        var phi = people.Model[image];
        var fit = new GaussianPool(pool, SdFloor * SdFloor).All();
        var z = (phi - fit.Mean) / Math.Sqrt(fit.Variance);
        return (z, Kind == ImageScoreKind.Gaussian ? z : RankScore(pool, phi));
    }

    private static double RankScore(double[] pool, double phi)
    {
        var sorted = new SortedSample(pool);
        var below = sorted.CountBelow(phi);
        var rank = below + 0.5 * (sorted.CountAtMost(phi) - below);
        var k = (double)pool.Length;
        return (rank - k / 2) / Math.Sqrt(k * (k + 2) / 12);
    }
}
