namespace Lethe.Audit;

/// <summary>
/// One example's φ over one pool of models, summarised so that the Gaussian fitted to the pool without any one of its
/// models costs O(1): the mean and the sum of squared deviations are downdated (Welford's update run backwards) rather
/// than recomputed, which makes leave-one-out U-LiRA O(N) per example instead of O(N²).
/// </summary>
/// <remarks>
/// The variance is the unbiased sample variance (divisor n − 1 over the n models fitted), floored at
/// the given floor so that a pool whose models all give the same φ still has a finite density.
/// </remarks>
internal sealed class GaussianPool
{
    private readonly double _mean;
    private readonly double _squares;
    private readonly double _varianceFloor;

    public GaussianPool(IReadOnlyList<double> phi, double varianceFloor)
    {
        Count = phi.Count;
        _mean = phi.Average();
        foreach (var x in phi) _squares += (x - _mean) * (x - _mean);
        _varianceFloor = varianceFloor;
    }

    public int Count { get; }

    /// <summary>The Gaussian fitted to every model of the pool.</summary>
    public Gaussian All() => new(_mean, Floored(_squares / (Count - 1)));

    /// <summary>The Gaussian fitted to every model of the pool but the one whose φ is <paramref name="heldOut"/>.</summary>
    public Gaussian Without(double heldOut)
    {
        var mean = _mean - (heldOut - _mean) / (Count - 1);
        var squares = _squares - (heldOut - _mean) * (heldOut - mean);
        return new Gaussian(mean, Floored(squares / (Count - 2)));
    }

    // Max also turns a downdate's tiny negative rounding residue into the floor.
    private double Floored(double variance) => Math.Max(variance, _varianceFloor);
}
