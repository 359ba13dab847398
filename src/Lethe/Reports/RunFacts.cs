using System.Globalization;
using Lethe.Experiments;

namespace Lethe.Reports;

/// <summary>
/// What a report states before its table, from the provenance: the command, the settings, the data, the versions and
/// the machine. Every format renders the same facts, so they cannot disagree.
/// </summary>
public static class RunFacts
{
    /// <summary>The name of the fact that lists the reference's quirks in force while training.</summary>
    public const string QuirksFact = "Reference quirks";

    public static IReadOnlyList<RunFact> Of(RunRecord run)
    {
        var (p, d) = (run.Provenance, run.Data);
        var facts = new List<RunFact>
        {
            new("Command", p.CommandLine, IsCode: true),
            new("Preset", $"{run.Spec.Preset}; seed {run.Spec.Seed}" + (run.Spec.UnlearnSeed is { } u ? $", unlearning seed {u}" : "") + $"; λ = {Number(run.Spec.Lambda)}; result hash {run.ResultHash}"),
            new("Data", DataLine(d)),
            new(QuirksFact, QuirkInForce.Describe(run.Quirks)),
        };
        if (d.Classes is { } classes) facts.Add(new("Classes", classes.Describe()));
        if (AttackNote.Fact([run]) is { } attack) facts.Add(attack);
        if (RetainFact(run) is { } retain) facts.Add(retain);
        if (BaseModelsFact(run) is { } bases) facts.Add(bases);
        if (PeopleFact(run) is { } people) facts.Add(people);
        facts.AddRange(
        [
            new("Versions", $"Lethe {p.Lethe} ({p.Commit?[..Math.Min(10, p.Commit.Length)] ?? "no commit"}), {p.DotNet}, TorchSharp {p.TorchSharp}, LibTorch {p.LibTorch}, {p.Build} build"),
            new("Machine", $"{p.Os}; {p.Cpu}; {p.LogicalCores} logical cores; device {p.Device}; {p.Jobs} parallel jobs × {p.TorchThreads} torch threads"),
            new("Total wall time", WallTime(run.TotalSeconds)),
        ]);
        return facts;
    }

    /// <summary>The first seed's facts, with every seed's command and the seeds in place of the one seed.</summary>
    public static IReadOnlyList<RunFact> Of(SeedSummary summary)
    {
        if (summary.Runs.Count == 1) return Of(summary.Runs[0]);
        var first = summary.Runs[0];
        var seeds = string.Join(", ", summary.Seeds);
        var facts = Of(first).Select(f => f.Name switch
        {
            // One sweep command runs every seed: list each distinct command once.
            "Command" => summary.Runs.Select(r => r.Provenance.CommandLine).Distinct().ToArray() is { Length: 1 } one
                ? f with { Value = one[0] }
                : f with { Name = "Commands", Value = string.Join("\n", summary.Runs.Select(r => r.Provenance.CommandLine).Distinct()) },
            "Preset" => f with { Value = $"{first.Spec.Preset}; seeds {seeds} (n = {summary.Runs.Count}); λ = {Number(first.Spec.Lambda)}" },
            "Attack" => AttackNote.Fact(summary.Runs)!,
            "Total wall time" => f with { Value = summary.Runs.Sum(r => r.TotalSeconds) is var total && double.IsFinite(total)
                ? $"{total:F0} s over {summary.Runs.Count} seeds" : WallTime(total) },
            _ => f,
        });
        return facts.ToArray();
    }

    /// <summary>The name of the fact that says how the per-person test against the pool was made.</summary>
    public const string PeopleFactName = "Per-person test";

    /// <summary>With `--pool K`: what the pool was, how images were scored, and the rule of the people rows.</summary>
    private static RunFact? PeopleFact(RunRecord run)
    {
        var tested = run.Models.Select(m => m.People).OfType<PeopleExposure>().ToArray();
        if (tested.Length == 0) return null;
        var k = tested.Max(p => p.PoolSize);
        var score = tested.FirstOrDefault(p => p.Missing is null)?.ImageScore ?? "–";
        return new(PeopleFactName, $"each model against a pool of {k} Retrained models (the run's Retrained and {k - 1} on the next seeds; "
            + $"the Retrained column against the other {k - 1}); each image scored by {score}; a forget person is exposed at q ≤ "
            + $"{Number(tested[0].Alpha)} (Benjamini–Hochberg), judged against the model's own shift on people nobody trained on; "
            + "the same test flags unseen people only by chance (a calibrated test: about 5% or fewer). Every person: people.md");
    }

    /// <summary>The "Retain" fact when retain accuracy was measured on a sample: how many images, of how many, and how chosen.</summary>
    private static RunFact? RetainFact(RunRecord run) =>
        run.Models.Select(m => m.Evaluation.RetainSample).FirstOrDefault(s => s is { Whole: false }) is { } sample
            ? new("Retain", $"Retain Acc is measured on a seeded sample of {sample.Scored} of the {sample.Of} retain images, the same images for every model (drawn from the run's seed); `--retain-eval all` scores all of retain")
            : null;

    /// <summary>
    /// The "Base models" fact when a base model was not trained by this run: a given one by its file and hash (it has no
    /// recipe and no time), a cached one with when it was trained, since its Time is that training's and not this run's.
    /// </summary>
    private static RunFact? BaseModelsFact(RunRecord run)
    {
        var lines = run.Models.Where(m => m.IsBase).Select(m => m switch
        {
            { Given: { } given } => $"{m.Label}: given, not trained here: {given.Describe()}" + (given.Note is { } note ? $"; {note}" : ""),
            { FromCache: true } => $"{m.Label}: loaded from the checkpoint cache; trained " + (m.CachedAt is { } at
                ? $"on {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC " : "") + $"in {m.Seconds.ToString("F1", CultureInfo.InvariantCulture)} s (its Time), not in this run",
            _ => null,
        }).OfType<string>().ToArray();
        return lines.Length == 0 ? null : new("Base models", string.Join("\n", lines));
    }

    /// <summary>A run made cell by cell from a plan has no wall time of its own (NaN): its cells ran where and when
    /// an engine put them.</summary>
    private static string WallTime(double seconds) => double.IsFinite(seconds)
        ? $"{seconds:F0} s"
        : "– (made cell by cell from a plan: each model's Time is its own)";

    private static string DataLine(DataSummary d) =>
        $"train {d.Train} = forget {d.Forget} ({d.ForgetIdentities} people) + retain {d.Retain} ({d.RetainIdentities} people); test {d.Test} ({d.TestIdentities}); unseen {d.Unseen} ({d.UnseenIdentities}); people in both forget and retain: {d.StraddlingIdentities}";

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
