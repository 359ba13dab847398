namespace Lethe.Audit;

/// <summary>How an audit pairs Originals with unlearning runs (issue 12).</summary>
public enum AuditMode
{
    /// <summary>
    /// The NeurIPS-2023 challenge's setup (google-deepmind/unlearning_evaluation): one Original, N unlearning seeds per
    /// method, N retrained seeds. The spread it measures is the method's own randomness, so a method whose result does
    /// not depend on its seed has none and gets the worst ε by construction.
    /// </summary>
    FixedOriginal,

    /// <summary>
    /// U-LiRA's setup (Hayes et al. 2024, arXiv 2403.01218): N Originals on N seeds, shared by every method, each
    /// unlearned once; N retrained seeds. The spread includes the Original's training randomness.
    /// </summary>
    Population,
}

/// <summary>The command-line names of <see cref="AuditMode"/>.</summary>
public static class AuditModes
{
    public static IReadOnlyList<string> Names { get; } = ["fixed-original", "population"];

    public static string Name(this AuditMode mode) => mode == AuditMode.FixedOriginal ? "fixed-original" : "population";

    /// <exception cref="ArgumentException">A name that is not one of <see cref="Names"/>.</exception>
    public static AuditMode Parse(string name) => name switch
    {
        "fixed-original" => AuditMode.FixedOriginal,
        "population" => AuditMode.Population,
        _ => throw new ArgumentException($"--mode: unknown audit mode '{name}'; known: {string.Join(", ", Names)}"),
    };
}
