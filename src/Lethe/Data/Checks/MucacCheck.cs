using System.Collections.Concurrent;
using Lethe.Data.Files;
using Lethe.Models;

namespace Lethe.Data.Checks;

/// <summary>
/// Validates a MUCAC (CelebA-HQ) folder: set sizes against <see cref="MucacSplits"/>, people shared between sets,
/// duplicate and unreadable images. Malformed annotation files stop the check at their first bad line (named), as they
/// stop a run.
/// </summary>
public static class MucacCheck
{
    public static DatasetCheckReport Run(string root, MucacThresholds? thresholds = null, int nearDistance = DuplicateFinder.DefaultNearDistance)
    {
        var index = MucacIndex.Read(root, thresholds);
        var problems = new ConcurrentBag<CheckProblem>(index.Warnings().Select(w => new CheckProblem(CheckSeverity.Warning, w)));
        var sets = new[] { MucacSplit.Forget, MucacSplit.Retain, MucacSplit.Test, MucacSplit.Unseen }
            .ToDictionary(s => s.ToString().ToLowerInvariant(), index.In);
        var fingerprints = Fingerprints(index, sets, problems);
        var overlaps = Overlaps(sets);
        foreach (var o in overlaps.Where(o => o.People > 0))
            problems.Add(new CheckProblem(CheckSeverity.Error, $"{o.People} people are in both {o.First} and {o.Second}"));
        bool defaults = index.Thresholds == MucacThresholds.Default;
        var c = index.Counts;
        foreach (var rule in SplitRules.Problems(new SplitSizes(c.Train, c.Forget, c.Retain, c.Test, c.Unseen), forget: null))
            problems.Add(new CheckProblem(CheckSeverity.Error, rule));
        SetCount Count(string set, int rows, int expected) => new(set, rows, defaults ? expected : null);
        var counts = new[]
        {
            Count("train", c.Train, MucacSplits.ExpectedTrain), Count("forget", c.Forget, MucacSplits.ExpectedForget),
            Count("retain", c.Retain, MucacSplits.ExpectedRetain), Count("test", c.Test, MucacSplits.ExpectedTest),
            Count("unseen", c.Unseen, MucacSplits.ExpectedUnseen),
        };
        // The multi-label task's classes cover every variant's: a binary benchmark scores one of its attributes.
        var task = MucacVariants.Task(MucacVariants.MultiLabel);
        var labelled = sets.Values.SelectMany(s => s).Select(i => new Sample(i.File, i.Person, MucacVariants.Labels(i, task)));
        return new DatasetCheckReport(Mucac.Name, root, counts, overlaps, DuplicateFinder.Find(fingerprints, nearDistance),
            CheckProblem.InReportOrder(problems), nearDistance) { Classes = ClassCoverage.Of(task, labelled) };
    }

    private static IReadOnlyList<ImageFingerprint> Fingerprints(MucacIndex index, Dictionary<string, IReadOnlyList<MucacImage>> sets,
        ConcurrentBag<CheckProblem> problems)
    {
        var listed = sets.SelectMany(s => s.Value.Select(image => (Set: s.Key, Image: image))).ToArray();
        var paths = listed.Select(l => Path.Combine(index.Layout.ImageFolder, l.Image.File)).ToArray();
        return ImageFingerprint.OfAll(listed.Select((l, i) => (l.Set, paths[i], paths[i], l.Image.Person)).ToArray(),
            (_, e) => problems.Add(new CheckProblem(CheckSeverity.Error, e.Message)));
    }

    private static IReadOnlyList<IdentityOverlap> Overlaps(Dictionary<string, IReadOnlyList<MucacImage>> sets)
    {
        var names = sets.Keys.ToArray();
        var overlaps = new List<IdentityOverlap>();
        for (int a = 0; a < names.Length; a++)
            for (int b = a + 1; b < names.Length; b++)
            {
                var shared = sets[names[a]].Select(i => i.Person).Distinct().Intersect(sets[names[b]].Select(i => i.Person)).Order(StringComparer.Ordinal).ToArray();
                overlaps.Add(new IdentityOverlap(names[a], names[b], shared.Length, shared.Take(5).ToArray()));
            }
        return overlaps;
    }
}
