using System.Globalization;
using System.Text.RegularExpressions;

namespace Lethe.Data.Checks;

/// <summary>What `lethe datasets check` found. Usable means no errors; warnings (such as duplicates) are for the user to weigh.</summary>
public sealed record DatasetCheckReport(
    string Dataset,
    string Root,
    IReadOnlyList<SetCount> Counts,
    IReadOnlyList<IdentityOverlap> Overlaps,
    IReadOnlyList<DuplicatePair> Duplicates,
    IReadOnlyList<CheckProblem> Problems,
    int NearDistance)
{
    public bool Usable => Problems.All(p => p.Severity != CheckSeverity.Error);

    /// <summary>How the forget set was cut ("first:1500", "identities:3, people chosen with seed 7"); null for MUCAC,
    /// whose identity ranges are in <see cref="Counts"/>.</summary>
    public string? ForgetChoice { get; init; }

    /// <summary>The classes the labels of train, test and unseen use, and the chance accuracy, as the benchmark prints
    /// them before it trains.</summary>
    public ClassCoverage? Classes { get; init; }

    /// <summary>The sets the attack will compare, as the benchmark prints them before it trains ("5 forget vs 5 unseen
    /// losses per model (…)"); null when forget or unseen is empty (an error above).</summary>
    public string? Attack { get; init; }

    /// <summary>Not usable as it is, but every error is a bad image that `benchmark --skip-bad` leaves out (and lists).</summary>
    public bool UsableWithSkipBad => !Usable && Problems.Where(p => p.Severity == CheckSeverity.Error).All(p => p.Skippable);

    /// <summary>Duplicate pairs per set pair ("forget~retain"): exact copies, confirmed near copies and unconfirmed matches apart.</summary>
    public IReadOnlyList<DuplicateCount> DuplicateCounts() => Duplicates
        .GroupBy(d => d.Sets).OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new DuplicateCount(g.Key, g.Count(d => d.Kind == DuplicateKind.Exact), g.Count(d => d.Kind == DuplicateKind.NearCopy),
            g.Count(d => d.Kind is DuplicateKind.Unconfirmed or DuplicateKind.Candidate), g.Count(d => d.IsCopy && !d.SamePerson),
            g.Where(d => d.IsCopy).SelectMany(d => new[] { d.First.Where, d.Second.Where }).Distinct().Count()))
        .ToArray();
}

public sealed record SetCount(string Set, int Rows, int? Expected)
{
    public bool AsExpected => Expected is null || Expected == Rows;
}

/// <summary>People found in two sets. Between train, test and unseen that breaks the benchmark; forget/retain is a diagnostic.</summary>
public sealed record IdentityOverlap(string First, string Second, int People, IReadOnlyList<string> Examples);

/// <param name="Sets">The two sets, as "forget~retain".</param>
/// <param name="Exact">Pairs with the same file content.</param>
/// <param name="Near">Other pairs within the perceptual-hash distance whose pixels confirm a copy.</param>
/// <param name="Unconfirmed">Pairs within the hash distance whose pixels differ: look-alikes, not copies, and kept.</param>
/// <param name="AcrossPeople">Copies (exact or near) whose two rows name different people: one photo filed under two identities.</param>
/// <param name="Images">Distinct images in those copies (pairs grow with the square of a group's size).</param>
public sealed record DuplicateCount(string Sets, int Exact, int Near, int Unconfirmed, int AcrossPeople, int Images);

public enum CheckSeverity
{
    Warning,
    Error,
}

/// <summary>One finding, already phrased "file:line: problem".</summary>
/// <param name="Skippable">A missing or unreadable image: `benchmark --skip-bad` leaves it out and goes on.</param>
public sealed record CheckProblem(CheckSeverity Severity, string Message, bool Skippable = false)
{
    /// <summary>
    /// Warnings, then errors, each by file, then line number as a number ("train.csv:2" before "train.csv:10"), then
    /// text: the order a report lists them and "the first 10" cuts. (The invariant-globalization build ignores
    /// CompareOptions.NumericOrdering, so the line is parsed.)
    /// </summary>
    public static CheckProblem[] InReportOrder(IEnumerable<CheckProblem> problems) =>
        problems.Select(p => (Problem: p, At: FileLine.Match(p.Message)))
            .OrderBy(p => p.Problem.Severity)
            .ThenBy(p => p.At.Success ? p.At.Groups[1].Value : p.Problem.Message, StringComparer.Ordinal)
            .ThenBy(p => p.At.Success ? long.Parse(p.At.Groups[2].ValueSpan, CultureInfo.InvariantCulture) : 0)
            .ThenBy(p => p.Problem.Message, StringComparer.Ordinal)
            .Select(p => p.Problem).ToArray();

    private static readonly Regex FileLine = new(@"^(.+?):(\d{1,18}):", RegexOptions.CultureInvariant);
}
