namespace Lethe.Audit;

/// <summary>One forget image's scores in an audit. A score the audit's N does not support is NaN (null in audit.json),
/// and the method's score of the same kind says why (<see cref="MethodAudit.Scores"/>).</summary>
/// <param name="Name">"forget/&lt;index&gt;" (with "/a&lt;attribute&gt;" for a multi-label task).</param>
/// <param name="Identity">The person in it.</param>
/// <param name="Epsilon">The challenge's ε, in [0, 50].</param>
/// <param name="ULiraAuc">Leave-one-out U-LiRA's AUC on this image alone (0.5: as good as retraining).</param>
/// <param name="Klom">KLoM, nats.</param>
public sealed record ImageScore(string Name, string Identity, double Epsilon, double ULiraAuc, double Klom);

/// <summary>One forget identity's scores, from each model's mean φ over the person's images; NaN (null in audit.json)
/// where the audit's N does not support a score, as for <see cref="ImageScore"/>.</summary>
/// <param name="Identity">The person.</param>
/// <param name="Images">How many forget images (or image-attributes) the person has.</param>
/// <param name="Epsilon">ε of the person's mean φ.</param>
/// <param name="ULiraAuc">U-LiRA's AUC on the person's mean φ.</param>
/// <param name="Klom">KLoM of the person's mean φ, nats.</param>
/// <param name="WorstImageEpsilon">The largest ε among the person's images.</param>
public sealed record IdentityScore(string Identity, int Images, double Epsilon, double ULiraAuc, double Klom, double WorstImageEpsilon);

/// <summary>A statistic with a 95% bootstrap interval over the examples it averages.</summary>
public sealed record BootstrapInterval(double Value, double Low, double High)
{
    /// <summary>Resamples to estimate the interval of a mean.</summary>
    public const int Resamples = 2000;

    /// <summary>The mean of <paramref name="values"/> with the 2.5% and 97.5% percentiles of its bootstrap means
    /// (fixed seed, so a report repeats).</summary>
    public static BootstrapInterval OfMean(IReadOnlyList<double> values)
    {
        var random = new Random(12);
        var means = new double[Resamples];
        for (var b = 0; b < Resamples; b++)
        {
            var sum = 0.0;
            for (var i = 0; i < values.Count; i++) sum += values[random.Next(values.Count)];
            means[b] = sum / values.Count;
        }
        Array.Sort(means);
        return new BootstrapInterval(values.Average(), Percentile.OfSorted(means, 0.025), Percentile.OfSorted(means, 0.975));
    }
}
