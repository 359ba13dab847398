namespace Lethe.Evaluation.Relearning;

/// <summary>
/// The relearning test's numbers from three curves of forget accuracy (U the model, O the Original, R Retrained), as pure
/// arithmetic so that each is checked by hand (Siddiqui et al. 2025, "From Dormant to Deleted", arXiv 2505.22310, §4:
/// relearned accuracy against the retrained model's, which stays where it was).
/// </summary>
public static class RelearnScores
{
    /// <summary>
    /// The smallest O_T − R_T that <see cref="Recovery"/> divides by: 0.05. Forget accuracy on MUFAC's 1,500 forget
    /// images near 0.5 has a binomial SD of about 0.013, so the difference of two such accuracies about 0.018; a gap
    /// below 0.05 (under three of those SDs) is mostly noise, and a ratio over it says nothing.
    /// </summary>
    public const double MinimumGap = 0.05;

    /// <summary>(U_T − R_T) / (O_T − R_T): 0 = relearns no more than Retrained, 1 = back to the Original; may leave
    /// [0, 1]. Accuracies in [0, 1].</summary>
    /// <returns>The ratio, or why there is none (the gap under <see cref="MinimumGap"/>).</returns>
    public static (double? Value, string? Missing) Recovery(double u, double o, double r)
    {
        var gap = o - r;
        return gap < MinimumGap
            ? (null, $"Original and Retrained end {gap:F3} apart after relearning, under {MinimumGap} (noise): no scale to divide by")
            : ((u - r) / gap, null);
    }

    /// <summary>The mean over scoring points of U − R: the area between the curves per point, in accuracy.</summary>
    /// <exception cref="ArgumentException">The curves were scored at other steps.</exception>
    public static double Area(RelearnCurve u, RelearnCurve r)
    {
        if (!u.Steps.SequenceEqual(r.Steps))
            throw new ArgumentException($"the curves were scored at other steps ({string.Join(",", u.Steps)} and {string.Join(",", r.Steps)})");
        return u.ForgetAccuracy.Zip(r.ForgetAccuracy, (a, b) => a - b).Average();
    }

    /// <summary>The first scored step at which U's forget accuracy reaches <paramref name="target"/> (O's final level);
    /// null when it never does within the curve.</summary>
    public static int? StepsToReach(RelearnCurve u, double target)
    {
        for (int i = 0; i < u.Steps.Count; i++)
            if (u.ForgetAccuracy[i] >= target) return u.Steps[i];
        return null;
    }
}
