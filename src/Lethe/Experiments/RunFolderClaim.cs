using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lethe.IO;

namespace Lethe.Experiments;

/// <summary>
/// A run's output folder is its own. Before any work a run claims its folder by creating ".lethe-run.json" in it with
/// create-new semantics (O_CREAT|O_EXCL: of two runs started a second apart exactly one creates it), holding its result
/// hash and command line. A folder claimed by a run of another result hash is refused, naming that run and the two
/// ways out (<c>--out DIR</c>, <c>--overwrite</c>); the same result hash is a resume and is let in. Without this, two
/// runs differing only in --methods, --seed or --epochs share the default --out, and the one that finishes last
/// silently replaces the other's results.
/// </summary>
/// <param name="ResultHash">The run's <see cref="ExperimentSpec.ResultHash"/>, or a sweep's <see cref="SweepHash"/>.</param>
/// <param name="Kind">"run" or "sweep".</param>
/// <param name="CommandLine">The command that claimed the folder, for the message that refuses another.</param>
/// <param name="Host">Where it ran.</param>
/// <param name="ProcessId">Its process.</param>
/// <param name="Claimed">When.</param>
public sealed record RunFolderClaim(string ResultHash, string Kind, string CommandLine, string Host, int ProcessId, DateTimeOffset Claimed)
{
    /// <summary>The claim's file in a run's folder.</summary>
    public const string FileName = ".lethe-run.json";

    /// <summary>How long a claim found unreadable is read again: its creator may be between creating and writing it.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public static string PathIn(string folder) => Path.Combine(folder, FileName);

    /// <summary>
    /// Claims the folders a benchmark writes: the spec's output folder for one run; for a seed sweep, the sweep's folder
    /// (under <see cref="SweepHash"/>, so that the same sweep with more seeds resumes it) and each seed's sub-folder
    /// (under that run's result hash). Every folder is checked before any is claimed, so a refused sweep claims nothing.
    /// The spec is validated first: a run refused for a bad setting claims nothing either.
    /// </summary>
    /// <param name="spec">The run's spec (its <see cref="ExperimentSpec.OutputDirectory"/> is the folder).</param>
    /// <param name="sweep">The seed sweep, or null for one run.</param>
    /// <param name="commandLine">The command line, recorded in the claim.</param>
    /// <param name="overwrite">Take folders that other runs claimed (<c>--overwrite</c>): their results are replaced
    /// as this run writes its own.</param>
    /// <returns>What was taken over from another run, one line each (empty when nothing was).</returns>
    /// <exception cref="ArgumentException">A folder another run claimed (one line naming the folder, the other run's
    /// command line and the ways out), or a bad setting.</exception>
    public static IReadOnlyList<string> Take(ExperimentSpec spec, SeedSweep? sweep, string commandLine, bool overwrite)
    {
        spec.Validate();
        var claims = sweep is null
            ? [(spec.OutputDirectory, spec.ResultHash(), "run")]
            : new[] { (spec.OutputDirectory, SweepHash(spec, sweep), "sweep") }
                .Concat(sweep.Seeds.Select(seed => sweep.For(spec, seed)).Select(run => (run.OutputDirectory, run.ResultHash(), "run")))
                .ToArray();
        if (!overwrite)
            foreach (var (folder, hash, _) in claims)
                if (Holder(folder) is { } other && other.ResultHash != hash) throw Refusal(folder, other);
        return claims.Select(c => Take(c.Item1, c.Item2, c.Item3, commandLine, overwrite)).OfType<string>().ToArray();
    }

    /// <summary>
    /// What a sweep's folder is claimed under: the spec without the seed the sweep varies, and what it varies; not its
    /// seeds, so that a sweep extended by more seeds is the same sweep (each seed's run is claimed on its own).
    /// </summary>
    public static string SweepHash(ExperimentSpec spec, SeedSweep sweep)
    {
        var fixedPart = sweep.Vary == SeedVariation.All ? spec with { Seed = 0, UnlearnSeed = null } : spec with { UnlearnSeed = null };
        var text = $"sweep/{sweep.Vary}/{fixedPart.ResultHash()}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>Claims one folder for <paramref name="resultHash"/>; returns a line when it took the folder from another run.</summary>
    /// <exception cref="ArgumentException">Another run's folder, without <paramref name="overwrite"/>.</exception>
    public static string? Take(string folder, string resultHash, string kind, string commandLine, bool overwrite)
    {
        var mine = new RunFolderClaim(resultHash, kind, commandLine, Environment.MachineName, Environment.ProcessId, DateTimeOffset.UtcNow);
        var json = JsonSerializer.Serialize(mine, LetheJson.Options);
        if (overwrite)
        {
            var before = Holder(folder);
            AtomicFile.WriteAllText(PathIn(folder), json);
            return before is not null && before.ResultHash != resultHash
                ? $"--overwrite: {folder} held the results of {before.CommandLine}; this run replaces them"
                : null;
        }
        // A folder written before claims existed is claimed by the run its results.json names.
        if (!File.Exists(PathIn(folder)) && Unclaimed(folder) is { } earlier && earlier.ResultHash != resultHash) throw Refusal(folder, earlier);
        Directory.CreateDirectory(folder);
        try
        {
            using var stream = new FileStream(PathIn(folder), FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Write(Encoding.UTF8.GetBytes(json));
            stream.Flush(flushToDisk: true);
            return null;
        }
        catch (IOException) when (File.Exists(PathIn(folder)))
        {
            var other = Read(PathIn(folder));
            if (other?.ResultHash == resultHash) return null; // the same run: a resume
            throw Refusal(folder, other);
        }
    }

    /// <summary>The run that holds <paramref name="folder"/>: its claim, else a run of an older Lethe that wrote results there; null when none.</summary>
    public static RunFolderClaim? Holder(string folder) =>
        File.Exists(PathIn(folder)) ? Read(PathIn(folder)) ?? Unreadable(folder) : Unclaimed(folder);

    private static RunFolderClaim Unreadable(string folder) =>
        new("(unreadable)", "run", $"an unreadable claim {PathIn(folder)}", "", 0, default);

    /// <summary>A claim, read again for a few seconds while it is empty or cut short (its creator may be writing it).</summary>
    private static RunFolderClaim? Read(string path)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (JsonSerializer.Deserialize<RunFolderClaim>(File.ReadAllText(path), LetheJson.Options) is { ResultHash: not null } claim) return claim;
            }
            catch (Exception e) when (e is JsonException or IOException) { }
            if (clock.Elapsed > Settle || DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > Settle) return null;
            Thread.Sleep(100);
        }
    }

    /// <summary>The run whose results.json an unclaimed folder holds (written by a Lethe before claims), or null.</summary>
    private static RunFolderClaim? Unclaimed(string folder)
    {
        var results = Path.Combine(folder, "results.json");
        if (LetheJson.TryRead<EarlierRun>(results, out _) is not { ResultHash: { } hash } earlier) return null;
        return new RunFolderClaim(hash, "run", earlier.Provenance?.CommandLine ?? $"the run that wrote {results}", "", 0, default);
    }

    private static ArgumentException Refusal(string folder, RunFolderClaim? other) => new(
        $"{folder} holds the results of another run ({other?.CommandLine ?? $"an unreadable claim {PathIn(folder)}"}); "
        + "give this one its own folder with --out DIR, or add --overwrite to replace them");

    private sealed record EarlierRun(string? ResultHash, EarlierProvenance? Provenance);

    private sealed record EarlierProvenance(string? CommandLine);
}
