namespace Lethe.Audit;

/// <summary>
/// The NeurIPS-2023 machine-unlearning challenge's per-example ε (google-deepmind/unlearning_evaluation, metric.py
/// <c>compute_forget_score_from_confs</c> and <c>_get_epsilons</c>, commit ffae0ff): how well the best of a fixed family
/// of threshold rules tells unlearned models from retrained ones on one forget example, read as an (ε, δ = 1e-5)
/// differential-privacy bound. 0 means indistinguishable, 50 (the cap) means told apart every time.
/// </summary>
/// <remarks>
/// A port of the official scorer, to its last detail: the threshold grids, float32 rates and logarithms, the tie
/// rules for which side is positive and which is narrow, the range guard, and the rules it drops. Two deliberate
/// departures: the released code stops with a ValueError on any input where more than one rule survives (an assert
/// that tests a NumPy array's truth; the reference values were made with Python's -O, which removes it), which this
/// does not copy; and where no rule survives at all (both sides one and the same constant), where the official code
/// fails on an empty reduction, this throws an <see cref="ArgumentException"/> that names the example rather than
/// invent a value.
/// </remarks>
public static class ChallengeEpsilon
{
    /// <summary>δ of the (ε, δ) bound.</summary>
    public const double Delta = 1e-5;

    /// <summary>The largest ε reported (and the value of a separable or collapsed example).</summary>
    public const double Cap = 50;

    /// <summary>Threshold grids have 100 points per unit of φ.</summary>
    internal const int ThresholdsPerUnit = 100;

    /// <summary>The window grid reaches 2 units of φ past the narrow side on each end.</summary>
    internal const double WindowSlack = 2.0;

    /// <summary>A side whose range is under 1% of the other's gets ε = 50 with no rule tried.</summary>
    internal const double RangeGuardRatio = 0.01;

    /// <summary>ε of every example.</summary>
    /// <param name="unlearned">φ, N models × E examples, of the unlearned models.</param>
    /// <param name="retrained">φ, N models × E examples, of the retrained models (the same N).</param>
    /// <returns>E values in [0, 50].</returns>
    /// <exception cref="ArgumentException">Shapes that differ, N &lt; 2, a φ that is not finite, or an example on which
    /// ε is undefined (no rule survives; the message names the example).</exception>
    public static double[] PerExample(double[,] unlearned, double[,] retrained) =>
        Derive(unlearned, retrained).Select(d => d.Epsilon).ToArray();

    /// <summary>ε of every example with its route, sides and grid sizes (see <see cref="PerExample"/>).</summary>
    public static EpsilonDerivation[] Derive(double[,] unlearned, double[,] retrained)
    {
        PhiMatrix.RequireSameShape(unlearned, retrained, nameof(unlearned), nameof(retrained));
        PhiMatrix.RequireModels(unlearned, 2, nameof(unlearned), "ε");
        PhiMatrix.RequireFinite(unlearned, nameof(unlearned));
        PhiMatrix.RequireFinite(retrained, nameof(retrained));
        var pairs = new ErrorPairs(unlearned.GetLength(0));
        var derivations = new EpsilonDerivation[unlearned.GetLength(1)];
        for (var example = 0; example < derivations.Length; example++)
            derivations[example] = DeriveOne(
                new SortedSample(PhiMatrix.Column(unlearned, example)),
                new SortedSample(PhiMatrix.Column(retrained, example)),
                pairs, example);
        return derivations;
    }

    private static EpsilonDerivation DeriveOne(SortedSample unlearned, SortedSample retrained, ErrorPairs pairs, int example)
    {
        var sides = EpsilonSides.Of(unlearned, retrained);
        if (sides.RangeRatio < RangeGuardRatio)
            return new EpsilonDerivation(Cap, EpsilonRoute.RangeGuard, sides.PositiveSide, sides.NarrowSide, 0, 0);

        pairs.Clear();
        var oneSided = OneSidedRules.AddTo(pairs, sides.Positive, sides.Negative);
        var rightEdges = WindowRules.AddTo(pairs, sides.Narrow, sides.Wide);
        var epsilon = pairs.MaxEpsilon();
        if (double.IsNaN(epsilon)) throw Undefined(unlearned, retrained, example);
        var route = double.IsPositiveInfinity(epsilon) ? EpsilonRoute.Separable : EpsilonRoute.Computed;
        return new EpsilonDerivation(Math.Min(epsilon, Cap), route, sides.PositiveSide, sides.NarrowSide, oneSided, rightEdges);
    }

    private static ArgumentException Undefined(SortedSample unlearned, SortedSample retrained, int example)
    {
        var why = unlearned.Range == 0 && retrained.Range == 0 && unlearned.Min == retrained.Min
            ? $"unlearned and retrained models all give the same φ = {unlearned.Min}, so no rule can tell them apart and none has errors on both sides"
            : "no decision rule has a non-zero error rate on both sides";
        return new ArgumentException(
            $"ε is undefined for example {example}: {why}. The official scorer fails on this input too " +
            "(ValueError: zero-size array to reduction operation fmax).", "unlearned");
    }
}
