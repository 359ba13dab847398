namespace Lethe.Audit;

/// <summary>
/// The decision rules tried on one example, reduced to what their ε depends on: how many models of each side they get
/// wrong. Thousands of rules share a few hundred pairs, so each distinct pair is scored once (in float32, as the
/// official metric.py does), which keeps the scorer fast at N = 512 without changing a single value.
/// </summary>
internal sealed class ErrorPairs
{
    private readonly bool[] _seen;

    /// <param name="modelCount">N, the number of models on each side.</param>
    public ErrorPairs(int modelCount)
    {
        ModelCount = modelCount;
        _seen = new bool[(modelCount + 1) * (modelCount + 1)];
    }

    public int ModelCount { get; }

    /// <summary>Records a rule that misclassifies <paramref name="positiveErrors"/> models of one side and
    /// <paramref name="negativeErrors"/> of the other.</summary>
    public void Add(int positiveErrors, int negativeErrors) => _seen[positiveErrors * (ModelCount + 1) + negativeErrors] = true;

    /// <summary>Forgets every rule, to reuse the buffer for the next example.</summary>
    public void Clear() => Array.Clear(_seen);

    /// <summary>
    /// The largest ε over the rules that survive, or +∞ when a rule separates the two sides, or NaN when no rule
    /// survives (the official code fails there).
    /// </summary>
    public double MaxEpsilon()
    {
        var best = double.NaN;
        for (var fn = 0; fn <= ModelCount; fn++)
            for (var fp = 0; fp <= ModelCount; fp++)
            {
                if (!_seen[fn * (ModelCount + 1) + fp]) continue;
                var epsilon = RuleEpsilon.Of(fn, fp, ModelCount);
                if (!float.IsNaN(epsilon) && !(epsilon <= best)) best = epsilon;
            }
        return best;
    }
}
