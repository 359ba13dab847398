namespace Lethe.Cli.Commands;

/// <summary>Turns --methods values ("all", "none", "finetune,scrub", repeated) into method keys.</summary>
internal static class MethodSelection
{
    public static IReadOnlyList<string> Parse(IEnumerable<string> values)
    {
        var keys = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (keys.All(k => string.Equals(k, "none", StringComparison.OrdinalIgnoreCase))) return [];
        return keys;
    }
}
