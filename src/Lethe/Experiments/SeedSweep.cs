namespace Lethe.Experiments;

/// <summary>
/// A benchmark repeated over seeds. One seed is what most papers publish, and MUFAC's attack accuracy swings by 0.1 from
/// seed to seed; several seeds give the spread a reviewer asks for. Each seed is a complete run in its own folder
/// (OUT/seed-N/), so a sweep resumes seed by seed and each folder reads like a single run.
/// </summary>
public sealed record SeedSweep(IReadOnlyList<long> Seeds, SeedVariation Vary)
{
    /// <summary>"5" (five seeds from <paramref name="first"/> up) or "1,2,3" (those seeds).</summary>
    public static SeedSweep Parse(string text, long first, SeedVariation vary)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1 && int.TryParse(parts[0], out var count) && !text!.Contains(','))
        {
            if (count is < 1 or > 1000) throw new ArgumentException($"--seeds {count}: give between 1 and 1000 seeds");
            return new SeedSweep(Enumerable.Range(0, count).Select(i => first + i).ToArray(), vary);
        }
        var seeds = parts.Select(p => long.TryParse(p, out var s) ? s : throw new ArgumentException($"--seeds: '{p}' is not a whole number")).ToArray();
        if (seeds.Length == 0) throw new ArgumentException("--seeds: give a count (5) or a list (1,2,3)");
        if (seeds.Distinct().Count() != seeds.Length) throw new ArgumentException($"--seeds: '{text}' repeats a seed");
        return new SeedSweep(seeds, vary);
    }

    /// <summary>The spec of one seed's run, writing to its own sub-folder of <paramref name="spec"/>'s output.</summary>
    public ExperimentSpec For(ExperimentSpec spec, long seed) => (Vary == SeedVariation.All
            ? spec with { Seed = seed }
            : spec with { UnlearnSeed = seed })
        with { OutputDirectory = Path.Combine(spec.OutputDirectory, $"seed-{seed}") };

    /// <summary>Runs every seed in order; results already stored in a seed's folder are reused by that run.</summary>
    public IReadOnlyList<RunRecord> Run(ExperimentSpec spec, Func<ExperimentSpec, RunRecord> runOne) =>
        Seeds.Select(seed => runOne(For(spec, seed))).ToArray();
}

public enum SeedVariation
{
    /// <summary>Every stage: data (SynthFaces' people), initialisation, shuffles, augmentation, unlearning.</summary>
    All,

    /// <summary>Only the unlearning methods: same Original and Retrained for every seed.</summary>
    Unlearn,
}
