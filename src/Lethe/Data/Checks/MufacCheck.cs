using System.Collections.Concurrent;
using Lethe.Data.Files;
using Lethe.Models;
using Lethe.Numerics;

namespace Lethe.Data.Checks;

/// <summary>
/// Validates a MUFAC folder before anyone trains on it: row counts against the release, people shared between sets,
/// duplicate images within and across sets, missing and unreadable images and bad labels, every one named by file
/// and line. The sets are cut as `benchmark --skip-bad` would cut them (bad images left out, then the forget set
/// chosen, by default the first 1,500 rows) and judged by the run's own <see cref="SplitRules"/>.
/// </summary>
public static class MufacCheck
{
    /// <param name="seed">Chooses the people of an identities:N forget set, as the benchmark's --seed does.</param>
    public static DatasetCheckReport Run(string root, ForgetSelection? forget = null, int nearDistance = DuplicateFinder.DefaultNearDistance,
        long seed = Seeds.Default)
    {
        MufacLayout.RequireRoot(root);
        var problems = new ConcurrentBag<CheckProblem>();
        void Error(DataFileException e) => problems.Add(new CheckProblem(CheckSeverity.Error, e.Message));
        void BadImage(MufacRow row, string why) => problems.Add(new CheckProblem(CheckSeverity.Error, $"{row.Where}: {why}", Skippable: true));
        var rows = MufacLayout.Splits.ToDictionary(s => s.Name, s => MufacCsv.Read(root, s, Error));
        var fingerprints = Fingerprints(rows.Values.SelectMany(r => r).ToArray(), BadImage);
        var readable = rows.ToDictionary(s => s.Key, s => (IReadOnlyList<MufacRow>)s.Value.Where(r => fingerprints.ContainsKey(r.Where)).ToArray());
        var choice = forget ?? ForgetSelection.MufacDefault;
        var sets = AssignSets(readable, choice, seed);
        var sizes = new SplitSizes(readable["train"].Count, sets["forget"].Count, sets["retain"].Count, sets["test"].Count, sets["unseen"].Count);
        var counts = Counts(sizes, forget);
        foreach (var c in counts.Where(c => !c.AsExpected))
            problems.Add(new CheckProblem(CheckSeverity.Warning, $"{c.Set}: {c.Rows} rows, the release has {c.Expected}"));
        foreach (var rule in SplitRules.Problems(sizes, choice.ToString()))
            problems.Add(new CheckProblem(CheckSeverity.Error, rule));
        var overlaps = Overlaps(sets);
        foreach (var o in overlaps.Where(o => o.People > 0 && o.First != "forget"))
            problems.Add(new CheckProblem(CheckSeverity.Error, $"{o.People} people are in both {o.First} and {o.Second} (e.g. {string.Join(", ", o.Examples)}): unseen and test must hold new people"));
        var inSets = sets.SelectMany(s => s.Value.Select(r => fingerprints[r.Where] with { Set = s.Key })).ToArray();
        // The classes of the rows a --skip-bad run keeps, as the run counts them: train, test and unseen.
        var classes = ClassCoverage.Of(MultiClassTask.AgeGroups, readable.Values.SelectMany(r => r).Select(r => new Sample(r.FileName, r.Identity, [r.Label])));
        return new DatasetCheckReport(Mufac.Name, root, counts, overlaps, DuplicateFinder.Find(inSets, nearDistance),
            CheckProblem.InReportOrder(problems), nearDistance)
        {
            ForgetChoice = choice.Kind == ForgetSelectionKind.Identities ? $"{choice}, people chosen with seed {seed}" : choice.ToString(),
            Classes = classes,
        };
    }

    private static Dictionary<string, IReadOnlyList<MufacRow>> AssignSets(Dictionary<string, IReadOnlyList<MufacRow>> rows, ForgetSelection forget,
        long seed)
    {
        var train = rows["train"];
        var chosen = forget.Select(train.Select(r => r.Identity).ToArray(), seed).ToHashSet();
        return new()
        {
            ["forget"] = train.Where((_, i) => chosen.Contains(i)).ToArray(),
            ["retain"] = train.Where((_, i) => !chosen.Contains(i)).ToArray(),
            ["test"] = rows["test"],
            ["unseen"] = rows["unseen"],
        };
    }

    /// <summary>Fingerprints of the readable images by row (<see cref="MufacRow.Where"/>); each missing or unreadable one goes to <paramref name="onBad"/>.</summary>
    private static Dictionary<string, ImageFingerprint> Fingerprints(IReadOnlyList<MufacRow> rows, Action<MufacRow, string> onBad)
    {
        foreach (var row in rows.Where(r => r.Missing is not null)) onBad(row, row.Missing!);
        var present = rows.Where(r => r.Missing is null).ToArray();
        return ImageFingerprint.OfAll(present.Select(r => ("", r.Where, r.ImagePath, r.Identity)).ToArray(), (i, e) => onBad(present[i], e.Message))
            .ToDictionary(f => f.Where);
    }

    private static IReadOnlyList<SetCount> Counts(SplitSizes sizes, ForgetSelection? forget)
    {
        bool releaseForget = forget is null || forget == ForgetSelection.MufacDefault;
        var train = MufacLayout.Train.ExpectedRows;
        return
        [
            new("train", sizes.Train, train),
            new("forget", sizes.Forget, releaseForget ? ForgetSelection.MufacDefault.Count : null),
            new("retain", sizes.Retain, releaseForget ? train - ForgetSelection.MufacDefault.Count : null),
            new("test", sizes.Test, MufacLayout.Test.ExpectedRows),
            new("unseen", sizes.Unseen, MufacLayout.Unseen.ExpectedRows),
        ];
    }

    private static IReadOnlyList<IdentityOverlap> Overlaps(Dictionary<string, IReadOnlyList<MufacRow>> sets)
    {
        var train = sets["forget"].Concat(sets["retain"]).ToArray();
        var pairs = new (string, IReadOnlyList<MufacRow>, string, IReadOnlyList<MufacRow>)[]
        {
            ("forget", sets["forget"], "retain", sets["retain"]),
            ("train", train, "test", sets["test"]),
            ("train", train, "unseen", sets["unseen"]),
            ("test", sets["test"], "unseen", sets["unseen"]),
        };
        return pairs.Select(p =>
        {
            var shared = p.Item2.Select(r => r.Identity).Distinct().Intersect(p.Item4.Select(r => r.Identity)).Order(StringComparer.Ordinal).ToArray();
            return new IdentityOverlap(p.Item1, p.Item3, shared.Length, shared.Take(5).ToArray());
        }).ToArray();
    }
}
