using System.Collections.Concurrent;
using Lethe.Data.Files;

namespace Lethe.Data.Checks;

/// <summary>
/// Validates a MUFAC folder before anyone trains on it: row counts against the release, people shared between sets,
/// duplicate images within and across sets, unreadable images and bad labels, every one named by file and line.
/// Train is cut into forget and retain as the benchmark does by default (the first 1,500 rows).
/// </summary>
public static class MufacCheck
{
    public static DatasetCheckReport Run(string root, ForgetSelection? forget = null, int nearDistance = DuplicateFinder.DefaultNearDistance)
    {
        MufacLayout.RequireRoot(root);
        var problems = new ConcurrentBag<CheckProblem>();
        void Error(DataFileException e) => problems.Add(new CheckProblem(CheckSeverity.Error, e.Message));
        var rows = MufacLayout.Splits.ToDictionary(s => s.Name, s => MufacCsv.Read(root, s, Error));
        var sets = AssignSets(rows, forget ?? ForgetSelection.MufacDefault);
        var fingerprints = Fingerprints(sets, Error);
        var counts = Counts(rows, sets, forget);
        foreach (var c in counts.Where(c => !c.AsExpected))
            problems.Add(new CheckProblem(CheckSeverity.Warning, $"{c.Set}: {c.Rows} rows, the release has {c.Expected}"));
        var overlaps = Overlaps(sets);
        foreach (var o in overlaps.Where(o => o.People > 0 && o.First != "forget"))
            problems.Add(new CheckProblem(CheckSeverity.Error, $"{o.People} people are in both {o.First} and {o.Second} (e.g. {string.Join(", ", o.Examples)}): unseen and test must hold new people"));
        var duplicates = DuplicateFinder.Find(fingerprints, nearDistance);
        return new DatasetCheckReport(Mufac.Name, root, counts, overlaps, duplicates,
            problems.OrderBy(p => p.Severity).ThenBy(p => p.Message, StringComparer.Ordinal).ToArray(), nearDistance);
    }

    private static Dictionary<string, IReadOnlyList<MufacRow>> AssignSets(Dictionary<string, IReadOnlyList<MufacRow>> rows, ForgetSelection forget)
    {
        var train = rows["train"];
        var chosen = forget.Count < train.Count ? forget.Select(train.Select(r => r.Identity).ToArray(), 42).ToHashSet() : [];
        return new()
        {
            ["forget"] = train.Where((_, i) => chosen.Contains(i)).ToArray(),
            ["retain"] = train.Where((_, i) => !chosen.Contains(i)).ToArray(),
            ["test"] = rows["test"],
            ["unseen"] = rows["unseen"],
        };
    }

    private static IReadOnlyList<ImageFingerprint> Fingerprints(Dictionary<string, IReadOnlyList<MufacRow>> sets, Action<DataFileException> onProblem)
    {
        var listed = sets.SelectMany(s => s.Value.Select(r => (Set: s.Key, Row: r))).ToArray();
        return ImageFingerprint.OfAll(listed.Select(l => (l.Set, l.Row.Where, l.Row.ImagePath, l.Row.Identity)).ToArray(),
            (i, e) => onProblem(new DataFileException(listed[i].Row.Csv, listed[i].Row.Line, e.Message, e)));
    }

    private static IReadOnlyList<SetCount> Counts(Dictionary<string, IReadOnlyList<MufacRow>> rows,
        Dictionary<string, IReadOnlyList<MufacRow>> sets, ForgetSelection? forget)
    {
        bool releaseForget = forget is null || forget == ForgetSelection.MufacDefault;
        var train = MufacLayout.Train.ExpectedRows;
        return
        [
            new("train", rows["train"].Count, train),
            new("forget", sets["forget"].Count, releaseForget ? ForgetSelection.MufacDefault.Count : null),
            new("retain", sets["retain"].Count, releaseForget ? train - ForgetSelection.MufacDefault.Count : null),
            new("test", rows["test"].Count, MufacLayout.Test.ExpectedRows),
            new("unseen", rows["unseen"].Count, MufacLayout.Unseen.ExpectedRows),
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
