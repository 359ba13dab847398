namespace Lethe.Audit;

/// <summary>Settings of the per-person membership test (<see cref="PersonMembership"/>).</summary>
/// <param name="Alpha">The false discovery rate at which a person is called "exposed": q ≤ α (default 0.05).</param>
/// <param name="SmallestGaussianPool">The fewest pool models for which an image is scored by the Gaussian z
/// (φ_M − mean)/sd (default 8); a smaller pool scores each image by the model's rank among the pool. With K models and
/// Gaussian φ, z is √(1 + 1/K) times a t variable with K − 1 degrees of freedom: its variance is infinite below K = 4 and
/// its fourth moment below K = 6, so a person's mean z would be ruled by one image whose pool happened to agree. At
/// K = 8 (t₇, excess kurtosis 2, diluted further by averaging photos) the mean is close enough to normal; 8 is also
/// the pool the issue takes by default.</param>
/// <param name="SdFloorFraction">A pool standard deviation is floored at this fraction of the median pool standard
/// deviation over every image tested (default 0.25). A pool of K = 8 falls below half its true spread by chance on
/// about 3% of images and below a quarter on under 0.1%, so the floor leaves honest images alone and stops an image
/// whose pool models agree (a saturated or trivially easy photo) from giving a z of hundreds that alone decides its
/// person. Floored images shrink forget and unseen people alike, so the calibration is unaffected.</param>
/// <param name="SdFloor">The absolute floor of a pool standard deviation, in φ units (default 1e-6): only matters when
/// the pool agrees on most images, so that the median is itself near zero.</param>
public sealed record PersonMembershipOptions(
    double Alpha = 0.05,
    int SmallestGaussianPool = 8,
    double SdFloorFraction = 0.25,
    double SdFloor = 1e-6)
{
    /// <summary>The defaults.</summary>
    public static PersonMembershipOptions Default { get; } = new();

    /// <exception cref="ArgumentException">A setting out of its range, named.</exception>
    public void Validate()
    {
        if (!(Alpha is > 0 and < 1))
            throw new ArgumentException($"α must be in (0, 1), got {Alpha}.", nameof(Alpha));
        if (SmallestGaussianPool < 2)
            throw new ArgumentException($"The smallest Gaussian pool must be at least 2, got {SmallestGaussianPool}.", nameof(SmallestGaussianPool));
        if (!(SdFloorFraction is >= 0 and < 1))
            throw new ArgumentException($"The sd floor fraction must be in [0, 1), got {SdFloorFraction}.", nameof(SdFloorFraction));
        if (!(SdFloor > 0 && double.IsFinite(SdFloor)))
            throw new ArgumentException($"The sd floor must be positive and finite, got {SdFloor}.", nameof(SdFloor));
    }
}
