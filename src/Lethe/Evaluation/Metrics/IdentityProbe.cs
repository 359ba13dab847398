using Lethe.Numerics;
using static TorchSharp.torch;

namespace Lethe.Evaluation.Metrics;

/// <summary>
/// Is each forgotten person still told apart in the model's features? For every forget identity with at least two
/// photos, its photos are split in two halves (seeded); a linear probe (<see cref="LinearProbe"/>, "this person" against
/// "someone else", the two weighed alike) is trained on the model's penultimate features of one half and photos of retained people, and
/// scored on the other half plus other retained photos: balanced accuracy = (recall on the held-out half +
/// specificity on the held-out others) / 2, in [0, 1], 0.5 = chance. Averaged over <see cref="Repeats"/> seeded splits
/// per person, then over people. A face network tells apart people it never saw too, so the row that matters is the
/// margin against Retrained's features on the same splits: what the model knows of the person beyond a model that never
/// saw them (the representation test of Kim et al. 2025, arXiv 2503.06991, per identity).
/// </summary>
/// <remarks>
/// The features are projected on a basis (<see cref="FeatureBasis"/>) fitted on the model's features of forget and the
/// retain draw together, so a direction that only the forget people vary along is kept. "–" when retain is not scored
/// or fewer than two people qualify; the "people" row says how many were probed.
/// </remarks>
public sealed class IdentityProbe : IModelMetric
{
    /// <summary>Principal components the probe reads: 16. A person has a handful of photos, and a probe trained on a
    /// few of them overfits in more dimensions (a planted 4σ identity direction: 0.84 at 16 components, 0.73 at 32).</summary>
    public const int Components = 16;

    /// <summary>Seeded splits per person: 5.</summary>
    public const int Repeats = 5;

    /// <summary>The most retained photos drawn as "someone else": 500.</summary>
    public const int MaxOthers = 500;

    /// <summary>Other people's photos on each side of a split (training, held out): 40, or half the others when fewer.</summary>
    public const int OthersPerSide = 40;

    public string Name => "identity-probe";

    public IReadOnlyList<MetricRow> Rows { get; } =
    [
        new("model", "Identity probe (balanced acc.)"),
        new("retrained", "Identity probe on Retrained"),
        new("margin", "Identity probe margin vs Retrained"),
        new("people", "Identity probe: people probed", "F0"),
    ];

    public IReadOnlyDictionary<string, MetricValue> Measure(MetricContext context)
    {
        var identities = context.Sets.Forget.Samples.Select(s => s.Identity).ToArray();
        var people = Qualifying(identities).Count;
        var missing = PenultimateFeatures.Missing(context.Model) is { } noFeatures ? noFeatures
            : context.Sets.Retain is null ? "retain is not scored (--retain-eval)"
            : people < 2 ? $"{people} forget people have at least 2 photos; the probe needs 2 such people"
            : null;
        if (missing is not null) return Rows.ToDictionary(r => r.Key, _ => MetricValue.None(missing));
        using var others = ProbeInputs.Capped(context.Sets.Retain!, MaxOthers, "probe/identity-others");
        double Mean(nn.Module<Tensor, Tensor> model) => Scores(ProbeInputs.Features(context, model, context.Sets.Forget), identities,
            ProbeInputs.Features(context, model, others)).Average(s => s.Score);
        var own = Mean(context.Model);
        // Retrained judged against itself is its own floor: no second pass.
        var retrained = context.References.Retrained is { Model: { } r } ? ReferenceEquals(r, context.Model) ? own : Mean(r) : (double?)null;
        var noRetrained = MetricValue.None(context.References.Retrained.Missing ?? "no Retrained");
        return new Dictionary<string, MetricValue>
        {
            ["model"] = MetricValue.Of(own),
            ["retrained"] = retrained is { } rv ? MetricValue.Of(rv) : noRetrained,
            ["margin"] = retrained is { } rm ? MetricValue.Of(own - rm) : noRetrained,
            ["people"] = MetricValue.Of(people),
        };
    }

    /// <summary>
    /// The balanced accuracy of each qualifying person (at least 2 photos), in order of first photo.
    /// </summary>
    /// <param name="forget">N × D features of the forget photos.</param>
    /// <param name="identities">The person of each forget photo (N).</param>
    /// <param name="others">M × D features of other people's photos (at least 2).</param>
    /// <param name="seed">Seed of the splits and draws; the same for every model, so their scores are paired.</param>
    /// <exception cref="ArgumentException">Identities and features differ in count, or fewer than 2 others.</exception>
    public static IReadOnlyList<(string Identity, double Score)> Scores(double[,] forget, IReadOnlyList<string> identities, double[,] others,
        long seed = 0)
    {
        if (identities.Count != forget.GetLength(0))
            throw new ArgumentException($"{forget.GetLength(0)} forget rows but {identities.Count} identities", nameof(identities));
        var basis = FeatureBasis.Fit(Stacked(forget, others), Components);
        var random = Seeds.Random(seed, "probe/identity");
        var scores = new List<(string, double)>();
        if (others.GetLength(0) < 2) throw new ArgumentException($"{others.GetLength(0)} others; the probe needs 2", nameof(others));
        foreach (var (identity, photos) in Qualifying(identities))
        {
            var sum = 0.0;
            for (var repeat = 0; repeat < Repeats; repeat++)
                sum += Split(forget, photos, others, basis, random);
            scores.Add((identity, sum / Repeats));
        }
        return scores;
    }

    /// <summary>One seeded split: train on half the person's photos against up to <see cref="OthersPerSide"/> others, and
    /// score on the rest of the person's photos and as many other others. Each training photo of the person is repeated
    /// so that the two classes weigh alike (repeating a row is weighting it in the logistic objective): few photos of one
    /// person against many of others would otherwise teach the probe to say "someone else" always.</summary>
    private static double Split(double[,] forget, IReadOnlyList<int> photos, double[,] others, FeatureBasis basis, Random random)
    {
        var own = photos.ToArray();
        Permutation.Shuffle(own, random);
        var pool = Enumerable.Range(0, others.GetLength(0)).ToArray();
        Permutation.Shuffle(pool, random);
        var half = (own.Length + 1) / 2;
        var side = Math.Min(OthersPerSide, pool.Length / 2);
        var (trainOwn, testOwn) = (own[..half], own[half..]);
        var (trainOthers, testOthers) = (pool[..side], pool[side..(2 * side)]);
        var weight = Math.Max(1, (int)Math.Round(side / (double)half));
        var repeated = trainOwn.SelectMany(row => Enumerable.Repeat(row, weight)).ToArray();
        var train = Stacked(ProbeInputs.Rows(forget, repeated), ProbeInputs.Rows(others, trainOthers));
        var probe = LinearProbe.Fit(train, [.. repeated.Select(_ => 1), .. trainOthers.Select(_ => 0)], basis);
        var recall = probe.Predict(ProbeInputs.Rows(forget, testOwn)).Average();
        var specificity = 1 - probe.Predict(ProbeInputs.Rows(others, testOthers)).Average();
        return (recall + specificity) / 2;
    }

    /// <summary>Each identity with at least two photos and its photos' rows, in order of first photo.</summary>
    private static List<(string Identity, List<int> Photos)> Qualifying(IReadOnlyList<string> identities) =>
        identities.Select((identity, row) => (identity, row))
            .GroupBy(p => p.identity, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(p => p.row).ToList()))
            .Where(g => g.Item2.Count >= 2)
            .ToList();

    private static double[,] Stacked(double[,] top, double[,] bottom)
    {
        var (n, m, d) = (top.GetLength(0), bottom.GetLength(0), top.GetLength(1));
        var stacked = new double[n + m, d];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < d; j++) stacked[i, j] = top[i, j];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < d; j++) stacked[n + i, j] = bottom[i, j];
        return stacked;
    }
}
