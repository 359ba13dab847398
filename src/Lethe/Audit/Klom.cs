namespace Lethe.Audit;

/// <summary>
/// KLoM, "KL divergence of margins", from Easy Data Unlearning Bench (easydub/EasyDUB-code, easydub/eval.py
/// <c>binned_kl_divergence</c> and <c>klom_from_margins</c>, commit 5de3c4c): per example, KL(unlearned ‖ oracle)
/// between 20-bin histograms of φ over the unlearned and the retrained ("oracle") models. 0 means the same histogram;
/// larger is worse. EasyDUB reports the 95th percentile over examples (<see cref="Summary"/>).
/// </summary>
/// <remarks>
/// Copied exactly, quirks included: values are clipped to [−100, 100]; the 21 edges are min + k·(max − min)/20 over the
/// pooled clipped values with the last edge exactly the maximum (the top edge is min + 1 when the range is empty); a
/// bin holds [lower edge, upper edge), so a value equal to the pooled maximum falls in no bin and a histogram can hold
/// fewer than N values (an unlearned side sitting entirely at the maximum is empty and scores 0); the oracle's
/// probabilities are raised to 1e-5 wherever the unlearned one is non-zero.
/// </remarks>
public static class Klom
{
    /// <summary>Histogram bins per example.</summary>
    public const int BinCount = 20;

    /// <summary>The smallest oracle bin probability where the unlearned histogram has mass.</summary>
    public const double OracleFloor = 1e-5;

    /// <summary>φ is clipped to [−100, 100] before binning.</summary>
    public const double Clip = 100;

    /// <summary>The percentile EasyDUB prints as the summary.</summary>
    public const double SummaryPercent = 95;

    /// <summary>The largest KLoM: −ln <see cref="OracleFloor"/> ≈ 11.513 nats, reached on an example when every unlearned
    /// φ the histogram counts falls in one bin that holds no oracle φ.</summary>
    public static readonly double Cap = -Math.Log(OracleFloor);

    /// <summary>
    /// The most an example's KLoM can be, with <paramref name="models"/> models a side, while one bin holds φ of both
    /// pools; above it the pools' binned φ do not overlap at all, and the value says only how the unlearned φ spread over
    /// their own bins (the cap less their entropy), not how far they are from the oracle's. An example's KLoM is
    /// Σ p ln(p / max(q, 1e-5)) over the bins. With a share s ≥ 1/k of the k counted unlearned φ in shared bins, the rest
    /// gives at most (1 − s)(Cap + ln(1 − s)) and the shared bins at most s ln(s m), m the counted oracle φ (each shared
    /// q ≥ 1/m); the sum falls as s grows, so the most is at s = 1/k, and with k, m ≤ n it is
    /// (1 − 1/n)(Cap + ln(1 − 1/n)): 5.41 at 2 models, 7.41 at 3, 8.42 at 4, 9.96 at 8, 10.73 at 16 (0 at 1, where a
    /// shared bin gives 0). That is the bin resolution near the cap: one model's φ in a shared bin costs about Cap/n.
    /// A simulation of 20,000 examples at each of 1 to 5, 8 and 16 models, rounded and clustered φ included, found no
    /// example with a shared bin above it.
    /// </summary>
    public static double MostWithOverlap(int models)
    {
        if (models < 2) return 0;
        var rest = 1 - 1.0 / models;
        return rest * (Cap + Math.Log(rest));
    }

    /// <summary>True when <paramref name="klom"/> (an example's, or a percentile of them) of pools of
    /// <paramref name="models"/> models a side is at the cap: above <see cref="MostWithOverlap"/>, so that (for a percentile,
    /// the example it interpolates towards) no bin holds φ of both pools.</summary>
    public static bool AtCap(double klom, int models) => klom > MostWithOverlap(models);

    /// <summary>KLoM of every example.</summary>
    /// <param name="unlearned">φ, N models × E examples, of the unlearned models.</param>
    /// <param name="oracle">φ, N models × E examples, of the retrained models.</param>
    /// <returns>E values ≥ 0 (nats).</returns>
    /// <exception cref="ArgumentException">Shapes that differ, no model, or a φ that is not finite.</exception>
    public static double[] PerExample(double[,] unlearned, double[,] oracle)
    {
        PhiMatrix.RequireSameShape(unlearned, oracle, nameof(unlearned), nameof(oracle));
        PhiMatrix.RequireModels(unlearned, 1, nameof(unlearned), "KLoM");
        PhiMatrix.RequireFinite(unlearned, nameof(unlearned));
        PhiMatrix.RequireFinite(oracle, nameof(oracle));
        var klom = new double[unlearned.GetLength(1)];
        for (var example = 0; example < klom.Length; example++)
            klom[example] = Divergence(PhiMatrix.Column(unlearned, example), PhiMatrix.Column(oracle, example));
        return klom;
    }

    /// <summary>The 95th percentile of the per-example values (NumPy's linear interpolation).</summary>
    public static double Summary(IReadOnlyList<double> perExample) => Percentile.Linear(perExample, SummaryPercent);

    /// <summary>KL(unlearned ‖ oracle) between the binned φ of one example.</summary>
    internal static double Divergence(IReadOnlyList<double> unlearnedPhi, IReadOnlyList<double> oraclePhi)
    {
        var unlearned = Clipped(unlearnedPhi);
        var oracle = Clipped(oraclePhi);
        var start = Math.Min(unlearned.Min(), oracle.Min());
        var end = Math.Max(unlearned.Max(), oracle.Max());
        if (start >= end) end = start + 1.0;
        var edges = new double[BinCount + 1];
        Linspace.NumPy(start, end, edges);

        var p = Probabilities(unlearned, edges);
        var q = Probabilities(oracle, edges);
        var kl = 0.0;
        for (var bin = 0; bin < BinCount; bin++)
            if (p[bin] > 0) kl += p[bin] * Math.Log(p[bin] / Math.Max(q[bin], OracleFloor));
        return kl;
    }

    private static double[] Clipped(IReadOnlyList<double> phi) => phi.Select(x => Math.Clamp(x, -Clip, Clip)).ToArray();

    /// <summary>Each bin's share of the values it holds (all 0 when it holds none), as <c>numpy.digitize</c> bins them.</summary>
    private static double[] Probabilities(double[] values, double[] edges)
    {
        var counts = new int[BinCount];
        foreach (var value in values)
        {
            // digitize: the number of edges ≤ value; 1…20 are the bins, 21 (value = the top edge) is none of them.
            var index = edges.Count(edge => edge <= value);
            if (index is >= 1 and <= BinCount) counts[index - 1]++;
        }
        var total = counts.Sum();
        return counts.Select(c => total > 0 ? (double)c / total : 0).ToArray();
    }
}
