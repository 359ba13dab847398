namespace Lethe.Audit;

/// <summary>
/// The roles metric.py gives the two φ samples of one example: the positive side has the larger median (the unlearned
/// side when the medians are equal), and the narrow side, the one the window rules predict, has the smaller range (on
/// equal ranges, the negative side). Both tie rules change ε on some inputs, so they are copied exactly.
/// </summary>
internal sealed record EpsilonSides(
    SortedSample Positive,
    SortedSample Negative,
    ModelPool PositiveSide,
    SortedSample Narrow,
    SortedSample Wide,
    ModelPool NarrowSide)
{
    public static EpsilonSides Of(SortedSample unlearned, SortedSample retrained)
    {
        var retrainedPositive = retrained.Median > unlearned.Median;
        var (positive, negative) = retrainedPositive ? (retrained, unlearned) : (unlearned, retrained);
        var narrowIsPositive = positive.Range < negative.Range;
        var (narrow, wide) = narrowIsPositive ? (positive, negative) : (negative, positive);
        var positiveSide = retrainedPositive ? ModelPool.Retrained : ModelPool.Unlearned;
        var negativeSide = retrainedPositive ? ModelPool.Unlearned : ModelPool.Retrained;
        return new EpsilonSides(positive, negative, positiveSide, narrow, wide, narrowIsPositive ? positiveSide : negativeSide);
    }

    /// <summary>Smaller range over larger; NaN when both are 0 (0/0), which the range guard does not treat as peaky.</summary>
    public double RangeRatio => Narrow.Range / Wide.Range;
}
