namespace Lethe.Data;

/// <summary>
/// Which training rows are forgotten. The reference takes the first N rows of the CSV (positional, the default), which
/// can cut a person in two; `identities:N` forgets N whole people chosen with the seed, which is what an erasure
/// request actually asks for.
/// </summary>
public sealed record ForgetSelection(ForgetSelectionKind Kind, int Count)
{
    public static ForgetSelection MufacDefault { get; } = new(ForgetSelectionKind.FirstRows, 1_500);

    /// <summary>Parses "first:N", "N" or "identities:N".</summary>
    public static ForgetSelection Parse(string text)
    {
        var parts = (text ?? "").Trim().ToLowerInvariant().Split(':');
        var (kind, number) = parts.Length switch
        {
            1 => (ForgetSelectionKind.FirstRows, parts[0]),
            2 when parts[0] is "first" or "rows" => (ForgetSelectionKind.FirstRows, parts[1]),
            2 when parts[0] is "identities" or "people" => (ForgetSelectionKind.Identities, parts[1]),
            _ => throw new ArgumentException($"forget set '{text}' must be first:N or identities:N"),
        };
        return int.TryParse(number, out var n) && n > 0
            ? new ForgetSelection(kind, n)
            : throw new ArgumentException($"forget set '{text}': N must be a positive whole number");
    }

    /// <summary>
    /// The positions (in file order) of the forgotten rows among <paramref name="identities"/>: all of them when N is
    /// at least the number of rows (or people).
    /// </summary>
    public IReadOnlyList<int> Select(IReadOnlyList<string> identities, long seed)
    {
        // Taking everything is not refused here: SplitRules judges the sets, for the check and the run alike.
        if (Kind == ForgetSelectionKind.FirstRows) return Enumerable.Range(0, Math.Min(Count, identities.Count)).ToArray();
        var people = identities.Distinct().ToArray();
        // A seeded shuffle of the people in order of first appearance: the same seed forgets the same people.
        new Random(unchecked((int)seed)).Shuffle(people);
        var chosen = people.Take(Count).ToHashSet();
        return Enumerable.Range(0, identities.Count).Where(i => chosen.Contains(identities[i])).ToArray();
    }

    public override string ToString() => Kind == ForgetSelectionKind.FirstRows ? $"first:{Count}" : $"identities:{Count}";
}

public enum ForgetSelectionKind
{
    FirstRows,
    Identities,
}
