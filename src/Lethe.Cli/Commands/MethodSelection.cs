namespace Lethe.Cli.Commands;

/// <summary>Turns --methods values ("all", "none", "finetune,scrub", repeated) into method keys.</summary>
internal static class MethodSelection
{
    /// <exception cref="ArgumentException">No key at all (`--methods ""`): the base models alone are asked for by 'none',
    /// so an empty value is more likely a lost shell variable than a choice. Or 'none' beside methods.</exception>
    public static IReadOnlyList<string> Parse(IEnumerable<string> values)
    {
        var keys = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (keys.Count == 0) throw new ArgumentException("--methods names no method; give 'none' to train and evaluate the base models only");
        var none = keys.Count(k => string.Equals(k, "none", StringComparison.OrdinalIgnoreCase));
        if (none == keys.Count) return [];
        if (none > 0) throw new ArgumentException($"--methods {string.Join(",", keys)}: 'none' means no method, so it cannot go with others");
        return keys;
    }
}
