namespace Lethe.Unlearning;

/// <summary>
/// Every unlearning method, listed explicitly in the report's column order (that of the reference README's tables): the
/// reference's six in its order, then the newer baselines; then, apart, the controls. Adding a method means adding its
/// file and one line here; the report, the tables and `--methods` take their columns and keys from this list.
/// </summary>
public static class MethodRegistry
{
    /// <summary>The methods in report order: Fine-tuning, CF-3, Grad Asc, UNSIR (two stages), SCRUB, Advanced Grad Asc,
    /// then the newer baselines. The controls are not among them.</summary>
    public static IReadOnlyList<IUnlearningMethod> All { get; } =
    [
        new FineTune(),
        new CatastrophicForgetting(),
        new NegGrad(),
        new Unsir(),
        new Scrub(),
        new AdvancedNegGrad(),
        new RandomLabels(),
        new SalUn(),
        new Ssd(),
        new BadTeacher(),
        new L1Sparse(),
    ];

    /// <summary>The methods' keys, what `--methods all` runs.</summary>
    public static IReadOnlyList<string> Keys { get; } = All.Select(m => m.Key).ToArray();

    /// <summary>
    /// The controls, after the methods in report order: models whose answer is known, run as methods are (`--controls`)
    /// so that a run shows what its tests make of them. Head only must be found by the tests that read features or
    /// relearn; Retrained on another seed must be found by none. Not unlearning methods, so not in <see cref="All"/>.
    /// </summary>
    public static IReadOnlyList<IUnlearningMethod> Controls { get; } = [new HeadOnlyControl(), new RetrainedControl()];

    /// <summary>The controls' keys, what `--controls` adds after the methods.</summary>
    public static IReadOnlyList<string> ControlKeys { get; } = Controls.Select(m => m.Key).ToArray();

    /// <summary>The methods, then the controls: what <see cref="Get"/> finds.</summary>
    public static IReadOnlyList<IUnlearningMethod> Known { get; } = [.. All, .. Controls];

    /// <summary>Every key <see cref="Get"/> finds: the methods', then the controls'.</summary>
    public static IReadOnlyList<string> KnownKeys { get; } = [.. Keys, .. ControlKeys];

    /// <summary>The method or control with this key (case-insensitive); an unknown key throws an ArgumentException
    /// listing the known ones.</summary>
    public static IUnlearningMethod Get(string key) =>
        Known.FirstOrDefault(m => string.Equals(m.Key, key, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown unlearning method '{key}'; known: {string.Join(", ", KnownKeys)}");

    /// <summary>True for a report label of a control's model, which reports draw and explain apart from the methods'.</summary>
    public static bool IsControlLabel(string label) => Controls.Any(c => c.Labels.Contains(label));

    /// <summary>Every method's and control's default hyper-parameter record for <paramref name="variant"/>, by key
    /// (case-insensitive).</summary>
    public static IReadOnlyDictionary<string, object> Defaults(UnlearningVariant variant) =>
        Known.ToDictionary(m => m.Key, m => m.Defaults(variant), StringComparer.OrdinalIgnoreCase);
}
