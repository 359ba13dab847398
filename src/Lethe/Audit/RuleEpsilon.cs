namespace Lethe.Audit;

/// <summary>
/// The ε that one decision rule certifies, from its false-negative and false-positive rates, exactly as the challenge's
/// metric.py <c>_get_epsilons</c> forms it: the rates are float32 means over the models and each logarithm is taken in
/// float32.
/// </summary>
internal static class RuleEpsilon
{
    /// <summary>1 − δ with δ = 1e-5, rounded to float32 as NumPy does when it subtracts a float32 rate from it.</summary>
    private static readonly float OneMinusDelta = (float)(1 - ChallengeEpsilon.Delta);

    /// <summary>
    /// +∞ for a rule with no error on either side (the sides are separable); NaN for a rule the official code drops:
    /// exactly one rate is zero (read as too few models to tell), or both logarithms below are of negative numbers.
    /// Otherwise max(log(1 − δ − FPR) − log FNR, log(1 − δ − FNR) − log FPR), ignoring a term that is not a number,
    /// and at least 0.
    /// </summary>
    public static float Of(int falseNegatives, int falsePositives, int modelCount)
    {
        if (falseNegatives == 0 && falsePositives == 0) return float.PositiveInfinity;
        if (falseNegatives == 0 || falsePositives == 0) return float.NaN;
        var fnr = (float)falseNegatives / modelCount;
        var fpr = (float)falsePositives / modelCount;
        var first = MathF.Log(OneMinusDelta - fpr) - MathF.Log(fnr);
        var second = MathF.Log(OneMinusDelta - fnr) - MathF.Log(fpr);
        var larger = float.IsNaN(first) ? second : float.IsNaN(second) ? first : MathF.Max(first, second);
        return float.IsNaN(larger) ? float.NaN : MathF.Max(larger, 0f);
    }
}
