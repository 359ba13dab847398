namespace Lethe.Experiments;

/// <summary>
/// One model's per-person membership test against a pool of Retrained models, as a run records it
/// (`lethe benchmark --pool K`): every forget person and every unseen person (the control) with their effect, p, q and
/// verdict. The test itself is the audit's per-person membership test; this is the run's record of its findings.
/// </summary>
/// <param name="PoolSize">Retrained models the model was judged against (a Retrained that is itself in the pool is
/// judged against the others, one fewer).</param>
/// <param name="ImageScore">How each image was scored, in words (a Gaussian z from 8 pool models, else a rank).</param>
/// <param name="Alpha">The false discovery rate of the verdict: "exposed" at q ≤ α.</param>
/// <param name="Forget">Each forget person, the smallest p first; empty when the test did not run.</param>
/// <param name="Unseen">Each unseen person, judged the same way against the other unseen people.</param>
/// <param name="Missing">Why the test did not run on this model (its φ is not finite, it diverged), or null.</param>
public sealed record PeopleExposure(int PoolSize, string ImageScore, double Alpha, IReadOnlyList<PersonFinding> Forget,
    IReadOnlyList<PersonFinding> Unseen, string? Missing = null)
{
    /// <summary>Forget people exposed.</summary>
    public int Exposed => Forget.Count(p => p.Exposed);

    /// <summary>Unseen people flagged: for a calibrated test, near α of them or fewer.</summary>
    public int UnseenFlagged => Unseen.Count(p => p.Exposed);

    /// <summary>Exposed over forget people; null when the test did not run.</summary>
    public double? ExposedShare => Missing is null && Forget.Count > 0 ? (double)Exposed / Forget.Count : null;

    /// <summary>Flagged over unseen people; null when the test did not run.</summary>
    public double? UnseenShare => Missing is null && Unseen.Count > 0 ? (double)UnseenFlagged / Unseen.Count : null;
}

/// <summary>One person's finding (see <see cref="PeopleExposure"/>).</summary>
/// <param name="Identity">The person.</param>
/// <param name="Photos">Images scored.</param>
/// <param name="Effect">How many pool standard deviations the model's φ sits above the pool's, averaged over the photos.</param>
/// <param name="P">One-sided p-value against people nobody trained on, under the same model.</param>
/// <param name="Q">Benjamini–Hochberg q-value across the people of the same set.</param>
/// <param name="Exposed">q ≤ α.</param>
public sealed record PersonFinding(string Identity, int Photos, double Effect, double P, double Q, bool Exposed);
