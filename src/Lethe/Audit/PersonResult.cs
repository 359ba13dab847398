namespace Lethe.Audit;

/// <summary>The per-person test's finding on one person.</summary>
/// <param name="Identity">The person.</param>
/// <param name="Set"><c>"forget"</c> or <c>"unseen"</c> (<see cref="Lethe.Evaluation.PhiSets"/>); unseen people are the
/// control, each judged against the other unseen people.</param>
/// <param name="Photos">How many of the person's images were scored.</param>
/// <param name="MeanZ">The effect: the mean over the person's images of (φ_M − pool mean) / pool sd, i.e. how many pool
/// standard deviations the model sits above the pool (the sd floored; noisy for a small pool).</param>
/// <param name="Statistic">T, the mean image score the test uses (<see cref="PersonMembershipResult.Score"/>): equal to
/// <paramref name="MeanZ"/> for the Gaussian score.</param>
/// <param name="CorrectedEffect">(T − μ_u) / sd_u(n): how many non-member standard deviations the person sits above the
/// unseen people, once the model's own shift is taken out (<see cref="UnseenPopulation"/>).</param>
/// <param name="P">The one-sided p-value: the chance a non-member with this many photos scores T or more.</param>
/// <param name="Q">The Benjamini–Hochberg q-value across the people of the same set.</param>
/// <param name="Verdict">Exposed at q ≤ α.</param>
public sealed record PersonResult(
    string Identity,
    string Set,
    int Photos,
    double MeanZ,
    double Statistic,
    double CorrectedEffect,
    double P,
    double Q,
    PersonVerdict Verdict)
{
    /// <summary>
    /// The person has one photo. The test still runs (T is that photo's score, judged against a non-member's one-photo
    /// spread, person and photo variance together), but it speaks of that photo alone, has the least power (a person is
    /// shown exposed only when that one photo is far out), and its far tail is the least exact: one photo's Gaussian z
    /// is Student-t with K − 1 degrees of freedom rather than normal, so with K = 8 about 2% of one-photo non-members
    /// get p &lt; 0.01 (in simulation) where a mean over several photos gives the nominal 1%.
    /// </summary>
    public bool SinglePhoto => Photos == 1;
}
