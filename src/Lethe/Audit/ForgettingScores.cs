namespace Lethe.Audit;

/// <summary>
/// Every many-model forgetting score of one set of examples (images, or identities through their mean φ): the
/// challenge's ε and F, EasyDUB's KLoM, and leave-one-out U-LiRA, each kept per example and as a distribution. A score
/// the pools are too small for is null, with the reason beside it.
/// </summary>
/// <param name="Names">The examples' names (image ids or identities), in column order.</param>
/// <param name="Epsilon">ε of each example with how it was reached (<see cref="ChallengeEpsilon"/>); null when
/// <paramref name="EpsilonMissing"/> says why.</param>
/// <param name="ForgettingQuality">The challenge's F over these examples, in [0, 1], 1 best; null with <paramref name="Epsilon"/>.</param>
/// <param name="Klom">KLoM of each example, in nats (<see cref="Klom"/>).</param>
/// <param name="KlomP95">The 95th percentile of <paramref name="Klom"/>, EasyDUB's summary.</param>
/// <param name="ULira">The attack's scores, pooled metrics and per-example AUC (<see cref="Audit.ULira"/>); null when
/// <paramref name="ULiraMissing"/> says why.</param>
/// <param name="EpsilonDistribution">ε across the examples; null with <paramref name="Epsilon"/>.</param>
/// <param name="KlomDistribution">KLoM across the examples.</param>
/// <param name="ULiraAucDistribution">Per-example U-LiRA AUC across the examples; null with <paramref name="ULira"/>.</param>
/// <param name="EpsilonMissing">Why ε and F are not reported (<see cref="Audit.ForgettingQuality.Unresolved"/>), or null.</param>
/// <param name="ULiraMissing">Why U-LiRA did not run (<see cref="Audit.ULira.Unresolved"/>), or null.</param>
public sealed record ForgettingScores(
    IReadOnlyList<string> Names,
    IReadOnlyList<EpsilonDerivation>? Epsilon,
    double? ForgettingQuality,
    IReadOnlyList<double> Klom,
    double KlomP95,
    ULiraResult? ULira,
    ScoreDistribution? EpsilonDistribution,
    ScoreDistribution KlomDistribution,
    ScoreDistribution? ULiraAucDistribution,
    string? EpsilonMissing = null,
    string? ULiraMissing = null)
{
    /// <summary>Scores the examples of two φ matrices of the same shape (N models × E examples).</summary>
    /// <param name="unlearned">φ of the unlearned pool.</param>
    /// <param name="retrained">φ of the retrained pool.</param>
    /// <param name="names">Each example's name.</param>
    /// <param name="options">U-LiRA settings; the defaults when null.</param>
    /// <param name="auditModels">Models per pool of the audit these pools come from, which decides whether ε and F are
    /// reported (<see cref="Audit.ForgettingQuality.MinimumModels"/>); the pools' own N when null. The null check's
    /// halves are the one case where it differs: they are the chance level F is read against, at the audit's N.</param>
    /// <exception cref="ArgumentException">As <see cref="ChallengeEpsilon.PerExample"/>, <see cref="Audit.Klom.PerExample"/>
    /// and <see cref="Audit.ULira.Attack"/> (other than too few models, which leaves the score null), or a name count other than E.</exception>
    public static ForgettingScores Of(double[,] unlearned, double[,] retrained, IReadOnlyList<string> names, ULiraOptions? options = null,
        int? auditModels = null)
    {
        if (names.Count != unlearned.GetLength(1))
            throw new ArgumentException($"{names.Count} names for {unlearned.GetLength(1)} examples.", nameof(names));
        PhiMatrix.RequireSameShape(unlearned, retrained, nameof(unlearned), nameof(retrained));
        var models = unlearned.GetLength(0);
        var klom = Audit.Klom.PerExample(unlearned, retrained);
        var scores = new ForgettingScores(names, null, null, klom, Audit.Klom.Summary(klom), null, null, ScoreDistribution.Of(klom, names), null,
            Audit.ForgettingQuality.Unresolved(auditModels ?? models), Audit.ULira.Unresolved(models));
        if (scores.EpsilonMissing is null)
        {
            var epsilon = ChallengeEpsilon.Derive(unlearned, retrained);
            var values = epsilon.Select(d => d.Epsilon).ToArray();
            scores = scores with
            {
                Epsilon = epsilon, ForgettingQuality = Audit.ForgettingQuality.FromEpsilons(values, models),
                EpsilonDistribution = ScoreDistribution.Of(values, names),
            };
        }
        if (scores.ULiraMissing is null)
        {
            var ulira = Audit.ULira.Attack(unlearned, retrained, options);
            scores = scores with { ULira = ulira, ULiraAucDistribution = ScoreDistribution.Of(ulira.PerExampleAuc, names) };
        }
        return scores;
    }

    /// <summary>ε of example <paramref name="example"/>; NaN (null in audit.json) when ε is missing.</summary>
    public double EpsilonOf(int example) => Epsilon?[example].Epsilon ?? double.NaN;

    /// <summary>U-LiRA's AUC on example <paramref name="example"/>; NaN (null in audit.json) when the attack did not run.</summary>
    public double ULiraAucOf(int example) => ULira?.PerExampleAuc[example] ?? double.NaN;
}
