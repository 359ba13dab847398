using System.CommandLine;
using Lethe.Data;
using Lethe.Data.Checks;
using Lethe.Experiments;
using Lethe.Numerics;
using Spectre.Console;

namespace Lethe.Cli.Commands;

/// <summary>`lethe datasets check DIR`: validate a dataset folder and print what is wrong with it. Exit 0 usable, 1 not.</summary>
internal static class DatasetsCommand
{
    private const int Shown = 10;

    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var folder = new Argument<DirectoryInfo>("DIR") { Description = $"The dataset folder, its dataset found by its files ({DatasetHelp.Folders()})" };
        var near = new Option<int>("--near-distance")
        {
            Description = "Perceptual-hash bits two images may differ by and still count as near duplicates",
            DefaultValueFactory = _ => DuplicateFinder.DefaultNearDistance,
        };
        // A negative distance would find no near pair at all and still print a table of them.
        near.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var bits and < 0) result.AddError($"--near-distance must be 0 or more bits, got {bits}");
        });
        var forget = new Option<string?>("--forget") { Description = "MUFAC forget set to check against: first:N or identities:N, as for `lethe benchmark` (default first:1500)" };
        var seed = new Option<long?>("--seed") { Description = "The benchmark's --seed, which chooses the people of --forget identities:N (default 42)" };
        var identitySplits = new Option<string?>("--identity-splits") { Description = "MUCAC identity thresholds test,forget,train, as for `lethe benchmark` (default 190,1250,4855)" };
        var all = new Option<bool>("--all") { Description = $"List every problem and duplicate (default: the first {Shown} of each)" };
        var check = new Command("check", "Validate a MUFAC or MUCAC folder as `lethe benchmark` would cut it: counts, empty sets, people shared between sets, duplicate, missing and unreadable images, labels, classes, the attack's sets.")
        {
            folder, near, forget, seed, identitySplits, all,
        };
        check.SetAction(parsed =>
        {
            var root = parsed.GetValue(folder)!.FullName;
            var spec = new ExperimentSpec
            {
                Dataset = DatasetCheck.DatasetAt(root), DataDirectory = root, Forget = parsed.GetValue(forget),
                IdentitySplits = parsed.GetValue(identitySplits), Seed = parsed.GetValue(seed) ?? Seeds.Default,
            };
            var report = DatasetCheck.Run(spec, parsed.GetValue(near));
            Print(console, report, parsed.GetValue(all) ? int.MaxValue : Shown);
            return report.Usable ? LetheApp.Ok : LetheApp.Failed;
        });
        return new Command("datasets", "Inspect dataset folders.") { check };
    }

    private static void Print(IAnsiConsole console, DatasetCheckReport report, int limit)
    {
        console.WriteLine($"{report.Dataset} at {report.Root}" + (report.ForgetChoice is { } choice ? $" (forget {choice})" : ""));
        var counts = new Table().AddColumns("Set", "Rows", "Expected");
        foreach (var c in report.Counts)
            counts.AddRow(c.Set, c.Rows.ToString("N0"), c.Expected is { } e ? (c.AsExpected ? e.ToString("N0") : $"[red]{e:N0}[/]") : "–");
        console.Write(counts);
        foreach (var o in report.Overlaps)
            console.WriteLine($"people in both {o.First} and {o.Second}: {o.People}" + (o.People > 0 ? $" ({string.Join(", ", o.Examples)})" : ""));
        // The lines the benchmark prints before it trains, in its words.
        if (report.Classes is { } classes) console.WriteLine($"classes: {classes.Describe()}");
        if (report.Attack is { } attack) console.WriteLine($"attack: {attack}");
        PrintDuplicates(console, report, limit);
        foreach (var group in report.Problems.GroupBy(p => p.Severity))
        {
            console.WriteLine($"{group.Count()} {(group.Key == CheckSeverity.Error ? "errors" : "warnings")}:");
            foreach (var p in group.Take(limit)) console.WriteLine($"  {p.Message}");
            if (group.Count() > limit) console.WriteLine($"  … and {group.Count() - limit} more (--all lists them)");
        }
        console.WriteLine(Verdict(report));
    }

    /// <summary>Advises --skip-bad only when it would do: every error is a bad image, and the sets stay valid without them.</summary>
    private static string Verdict(DatasetCheckReport report)
    {
        if (report.Usable) return "usable: yes";
        int bad = report.Problems.Count(p => p.Skippable);
        return report.UsableWithSkipBad
            ? $"usable: no; `lethe benchmark --skip-bad` leaves out the {bad} bad images above (each listed) and runs"
            : bad > 0
                ? $"usable: no (fix the errors above; --skip-bad would leave out the {bad} bad images, not the other errors)"
                : "usable: no (fix the errors above)";
    }

    private static void PrintDuplicates(IAnsiConsole console, DatasetCheckReport report, int limit)
    {
        var table = new Table().AddColumns("Duplicate pairs between", "Exact copies", $"Near copies (≤ {report.NearDistance} bits, pixels < {NearCopyConfirmation.Threshold})",
            "Unconfirmed near matches", "Copies filed as different people", "Images in copies");
        foreach (var d in report.DuplicateCounts())
            table.AddRow(d.Sets, d.Exact.ToString("N0"), d.Near.ToString("N0"), d.Unconfirmed.ToString("N0"), d.AcrossPeople.ToString("N0"), d.Images.ToString("N0"));
        console.Write(table);
        foreach (var pair in report.Duplicates.Where(d => d.First.Set != d.Second.Set).Take(limit))
            console.WriteLine($"  {pair.Describe()}: {pair.First.Where} ({pair.First.Set}) ~ {pair.Second.Where} ({pair.Second.Set})");
        int across = report.Duplicates.Count(d => d.First.Set != d.Second.Set && d.IsCopy);
        if (across > 0)
            console.WriteLine($"{across} copies cross sets; `lethe benchmark --exclude-duplicates` leaves them out of retain, test and unseen "
                + "(unconfirmed near matches stay: their pixels differ).");
    }
}
