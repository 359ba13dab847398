using Lethe.Evaluation;
using Lethe.Experiments;

namespace Lethe.Audit;

/// <summary>
/// One model of an audit as the scorer sees it: the cell that made it (id, name for messages, role, method), its label,
/// stored result and stored φ. The scorer sees these facts, not the plan, so it works on pools from any source.
/// </summary>
internal sealed record AuditModel(string CellId, string CellName, CellRole Role, string? Method, string Label, ModelResult Result,
    IReadOnlyList<PhiRow> Phi);

/// <summary>
/// Reads the stored φ and results of a plan's model cells (nothing is re-run), and lays φ out as the scorers want it:
/// one matrix per set, a row per model, a column per (example, attribute) in the order of the first model's file.
/// </summary>
internal sealed class PhiPools
{
    private PhiPools(IReadOnlyList<AuditModel> models) => Models = models;

    public IReadOnlyList<AuditModel> Models { get; }

    /// <summary>For the store's reader, tests and other sources: pools from models already in memory.</summary>
    public static PhiPools Of(IReadOnlyList<AuditModel> models) => new(models);

    /// <summary>The models of one role (and label, for unlearning cells), in plan order.</summary>
    public IReadOnlyList<AuditModel> Where(CellRole role, string? label = null) =>
        Models.Where(m => m.Role == role && (label is null || m.Label == label)).ToArray();
}

/// <summary>The columns of one set's φ matrix: the examples' names and identities.</summary>
internal sealed record PhiColumns(string Set, IReadOnlyList<(int Index, int Attribute)> Keys, IReadOnlyList<string> Names,
    IReadOnlyList<string> Identities)
{
    /// <summary>The columns of <paramref name="set"/> as the first model stores them.</summary>
    /// <exception cref="InvalidDataException">The model stores no row of the set.</exception>
    public static PhiColumns Of(AuditModel model, string set) => Of(NamedPhi.Of(model), set);

    /// <summary>The columns of <paramref name="set"/> as <paramref name="model"/> stores them.</summary>
    /// <exception cref="InvalidDataException">The model has no φ row of the set.</exception>
    public static PhiColumns Of(NamedPhi model, string set)
    {
        var rows = model.Phi.Where(r => r.Set == set).ToArray();
        if (rows.Length == 0) throw new InvalidDataException($"{model.Name}: no φ for the {set} set");
        var multi = rows.Any(r => r.Attribute != 0);
        return new PhiColumns(set, rows.Select(r => (r.Index, r.Attribute)).ToArray(),
            rows.Select(r => multi ? $"{set}/{r.Index}/a{r.Attribute}" : $"{set}/{r.Index}").ToArray(),
            rows.Select(r => r.Identity).ToArray());
    }

    /// <summary>φ, models × columns.</summary>
    /// <exception cref="InvalidDataException">A model whose φ of the set covers other examples (named).</exception>
    public double[,] Matrix(IReadOnlyList<AuditModel> models) => Matrix(models.Select(NamedPhi.Of).ToArray());

    /// <summary>φ, models × columns, of models that are not an audit's (pool files, a given model).</summary>
    /// <exception cref="InvalidDataException">A model whose φ of the set covers other examples (named).</exception>
    public double[,] Matrix(IReadOnlyList<NamedPhi> models)
    {
        var column = new Dictionary<(int, int), int>();
        for (var k = 0; k < Keys.Count; k++) column[Keys[k]] = k;
        var phi = new double[models.Count, Keys.Count];
        for (var m = 0; m < models.Count; m++)
        {
            var seen = 0;
            foreach (var row in models[m].Phi.Where(r => r.Set == Set))
            {
                if (!column.TryGetValue((row.Index, row.Attribute), out var k))
                    throw new InvalidDataException($"{models[m].Name}: φ of {Set} example {row.Index} is not in the other models' files");
                phi[m, k] = row.Phi;
                seen++;
            }
            if (seen != Keys.Count)
                throw new InvalidDataException($"{models[m].Name}: φ covers {seen} {Set} examples, the others {Keys.Count}");
        }
        return phi;
    }

    /// <summary>The per-person test's input for one set: <paramref name="pool"/>'s φ (from <see cref="Matrix(IReadOnlyList{NamedPhi})"/>)
    /// and <paramref name="model"/>'s over the same columns.</summary>
    /// <exception cref="InvalidDataException">The model's φ covers other examples (named).</exception>
    public PeoplePhi People(double[,] pool, NamedPhi model)
    {
        var row = Matrix([model]);
        return new PeoplePhi(pool, Enumerable.Range(0, row.GetLength(1)).Select(k => row[0, k]).ToArray(), Identities);
    }
}

/// <summary>One model's φ rows under the name its errors give it ("retrained-s42 Retrained", a file's path).</summary>
internal sealed record NamedPhi(string Name, IReadOnlyList<PhiRow> Phi)
{
    public static NamedPhi Of(AuditModel model) => new($"{model.CellName} {model.Label}", model.Phi);
}
