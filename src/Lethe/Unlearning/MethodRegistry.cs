namespace Lethe.Unlearning;

/// <summary>
/// Every unlearning method, listed explicitly in the report's column order (that of the reference README's tables): the
/// reference's six in its order, then the newer baselines. Adding a method means adding its file and one line here; the
/// report, the tables and `--methods` take their columns and keys from this list.
/// </summary>
public static class MethodRegistry
{
    /// <summary>The methods in report order: Fine-tuning, CF-3, Grad Asc, UNSIR (two stages), SCRUB, Advanced Grad Asc,
    /// then the newer baselines.</summary>
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

    public static IReadOnlyList<string> Keys { get; } = All.Select(m => m.Key).ToArray();

    /// <summary>The method with this key (case-insensitive); an unknown key throws an ArgumentException listing the known ones.</summary>
    public static IUnlearningMethod Get(string key) =>
        All.FirstOrDefault(m => string.Equals(m.Key, key, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown unlearning method '{key}'; known: {string.Join(", ", Keys)}");

    /// <summary>Every method's default hyper-parameter record for <paramref name="variant"/>, by key (case-insensitive).</summary>
    public static IReadOnlyDictionary<string, object> Defaults(UnlearningVariant variant) =>
        All.ToDictionary(m => m.Key, m => m.Defaults(variant), StringComparer.OrdinalIgnoreCase);
}
