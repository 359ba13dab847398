namespace Lethe.Audit;

/// <summary>How the per-person test scores one image: the model's φ against the pool's φ on that image.</summary>
public enum ImageScoreKind
{
    /// <summary>z = (φ_M − mean) / sd over the pool, the sd floored (<see cref="PersonMembershipOptions.SdFloorFraction"/>):
    /// in pool standard deviations. Used for a pool of at least <see cref="PersonMembershipOptions.SmallestGaussianPool"/>.</summary>
    Gaussian,

    /// <summary>The model's mid-rank R among the K pool φ (pool models below it, ties counting one half), standardised to
    /// (R − K/2) / √(K(K + 2)/12): when the model is one more draw of the pool, R is uniform on 0..K, so the score has
    /// mean 0 and variance 1 exactly, whatever the distribution of φ. Used for smaller pools. A person's mean rank is not
    /// normal when the model's own view of a person moves all their photos together (it mixes the K + 1 places that view
    /// can take among the pool's), so the normal calibration errs on the safe side in the tail: in simulation with K = 4,
    /// 0.4% of non-members get p &lt; 0.01, at the price of power.</summary>
    Rank,
}
