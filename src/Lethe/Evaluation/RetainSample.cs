using System.Text.Json.Serialization;
using Lethe.Experiments;
using Lethe.Numerics;

namespace Lethe.Evaluation;

/// <summary>
/// Which part of the retain set a model's retain accuracy was measured on. Retain is by far the largest set (MUFAC:
/// 8,525 of the 13,068 images a model is scored on, about 65% of the evaluation's time) and only its accuracy is
/// reported, so by default a seeded sample of it is scored: the same images for every model of a run, drawn from the
/// run's seed alone.
/// </summary>
/// <param name="Scored">Retain images scored.</param>
/// <param name="Of">Images in the retain set.</param>
public sealed record RetainSample(int Scored, int Of)
{
    /// <summary>The named seed stream the sample is drawn from (see <see cref="Seeds"/>).</summary>
    public const string Stream = "eval/retain";

    /// <summary>
    /// Images scored by default: 2,000. The retain accuracy of a sample of n has a standard error of at most
    /// 0.5/√n ≈ 0.011, below the differences between methods that matter, and a quarter of MUFAC's retain set.
    /// </summary>
    public const int DefaultSize = 2000;

    /// <summary>True when the whole retain set was scored (a set no larger than the sample size is used whole).</summary>
    [JsonIgnore]
    public bool Whole => Scored == Of;

    /// <summary>"2000 of 8525 sampled", or "all 1050".</summary>
    public string Describe() => Whole ? $"all {Of}" : $"{Scored} of {Of} sampled";

    /// <summary>The `--retain-eval` setting: "all" (null: every retain image) or a number of images.</summary>
    /// <exception cref="ArgumentException">Neither "all" nor a whole number of at least 1; the message names the option.</exception>
    public static int? ParseSize(string text) =>
        text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase) ? null
        : int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 ? n
        : throw new ArgumentException($"--retain-eval must be 'all' or a number of images >= 1, got '{text}'");

    /// <summary>
    /// The rows of a set of <paramref name="count"/> to score, ascending: all of them when <paramref name="size"/> is null
    /// or at least <paramref name="count"/>, else the first <paramref name="size"/> of a Fisher–Yates shuffle drawn from
    /// the stream <see cref="Stream"/> of <paramref name="seed"/>. Depends on nothing else, so every model of a run gets
    /// the same rows.
    /// </summary>
    /// <exception cref="ArgumentException">A size below 1.</exception>
    public static int[] Rows(int count, int? size, long seed)
    {
        if (size is < 1) throw new ArgumentException($"the retain sample needs at least one image, got {size}");
        var rows = Enumerable.Range(0, count).ToArray();
        if (size is not { } n || n >= count) return rows;
        Permutation.Shuffle(rows, Seeds.Random(seed, Stream));
        return rows[..n].Order().ToArray();
    }
}
