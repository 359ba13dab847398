namespace Lethe.Audit;

/// <summary>The per-person test over one set of people.</summary>
/// <param name="Set"><c>"forget"</c> or <c>"unseen"</c>.</param>
/// <param name="People">How many people were judged.</param>
/// <param name="Exposed">How many were found exposed (q ≤ α).</param>
/// <param name="SinglePhotoPeople">How many have one photo (<see cref="PersonResult.SinglePhoto"/>).</param>
public sealed record PersonSetSummary(string Set, int People, int Exposed, int SinglePhotoPeople)
{
    /// <summary>Exposed / People. For a model that never saw these people it stays near α or below.</summary>
    public double ExposedShare => (double)Exposed / People;

    internal static PersonSetSummary Of(string set, IReadOnlyList<PersonResult> people) =>
        new(set, people.Count, people.Count(p => p.Verdict == PersonVerdict.Exposed), people.Count(p => p.SinglePhoto));
}
