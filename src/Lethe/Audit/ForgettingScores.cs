namespace Lethe.Audit;

/// <summary>
/// Every many-model forgetting score of one set of examples (images, or identities through their mean φ): the
/// challenge's ε and F, EasyDUB's KLoM, and leave-one-out U-LiRA, each kept per example and as a distribution.
/// </summary>
/// <param name="Names">The examples' names (image ids or identities), in column order.</param>
/// <param name="Epsilon">ε of each example with how it was reached (<see cref="ChallengeEpsilon"/>).</param>
/// <param name="ForgettingQuality">The challenge's F over these examples, in [0, 1], 1 best.</param>
/// <param name="Klom">KLoM of each example, in nats (<see cref="Klom"/>).</param>
/// <param name="KlomP95">The 95th percentile of <paramref name="Klom"/>, EasyDUB's summary.</param>
/// <param name="ULira">The attack's scores, pooled metrics and per-example AUC (<see cref="Audit.ULira"/>).</param>
/// <param name="EpsilonDistribution">ε across the examples.</param>
/// <param name="KlomDistribution">KLoM across the examples.</param>
/// <param name="ULiraAucDistribution">Per-example U-LiRA AUC across the examples.</param>
public sealed record ForgettingScores(
    IReadOnlyList<string> Names,
    IReadOnlyList<EpsilonDerivation> Epsilon,
    double ForgettingQuality,
    IReadOnlyList<double> Klom,
    double KlomP95,
    ULiraResult ULira,
    ScoreDistribution EpsilonDistribution,
    ScoreDistribution KlomDistribution,
    ScoreDistribution ULiraAucDistribution)
{
    /// <summary>Scores the examples of two φ matrices of the same shape (N ≥ 3 models × E examples).</summary>
    /// <exception cref="ArgumentException">As <see cref="ChallengeEpsilon.PerExample"/>, <see cref="Audit.Klom.PerExample"/>
    /// and <see cref="Audit.ULira.Attack"/>, or a name count other than E.</exception>
    public static ForgettingScores Of(double[,] unlearned, double[,] retrained, IReadOnlyList<string> names, ULiraOptions? options = null)
    {
        if (names.Count != unlearned.GetLength(1))
            throw new ArgumentException($"{names.Count} names for {unlearned.GetLength(1)} examples.", nameof(names));
        var epsilon = ChallengeEpsilon.Derive(unlearned, retrained);
        var epsilonValues = epsilon.Select(d => d.Epsilon).ToArray();
        var klom = Audit.Klom.PerExample(unlearned, retrained);
        var ulira = Audit.ULira.Attack(unlearned, retrained, options);
        return new ForgettingScores(
            names, epsilon, Audit.ForgettingQuality.FromEpsilons(epsilonValues, unlearned.GetLength(0)),
            klom, Audit.Klom.Summary(klom), ulira,
            ScoreDistribution.Of(epsilonValues, names),
            ScoreDistribution.Of(klom, names),
            ScoreDistribution.Of(ulira.PerExampleAuc, names));
    }
}
