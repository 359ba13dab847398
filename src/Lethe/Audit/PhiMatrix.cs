namespace Lethe.Audit;

/// <summary>
/// Checks and reads the scorers' input: a φ matrix with one row per model and one column per example (or identity).
/// </summary>
internal static class PhiMatrix
{
    /// <summary>The φ of one example over every model.</summary>
    public static double[] Column(double[,] phi, int example)
    {
        var column = new double[phi.GetLength(0)];
        for (var model = 0; model < column.Length; model++) column[model] = phi[model, example];
        return column;
    }

    /// <summary>The φ of one model over every example.</summary>
    public static double[] Row(double[,] phi, int model)
    {
        var row = new double[phi.GetLength(1)];
        for (var example = 0; example < row.Length; example++) row[example] = phi[model, example];
        return row;
    }

    /// <summary>A matrix with the given rows (one per model), each of <paramref name="examples"/> values.</summary>
    public static double[,] Of(IEnumerable<double[]> rows, int examples)
    {
        var list = rows.ToList();
        var phi = new double[list.Count, examples];
        for (var model = 0; model < list.Count; model++)
            for (var example = 0; example < examples; example++) phi[model, example] = list[model][example];
        return phi;
    }

    /// <exception cref="ArgumentException">A value that is infinite or not a number, named by model row and example column.</exception>
    public static void RequireFinite(double[,] phi, string name)
    {
        for (var model = 0; model < phi.GetLength(0); model++)
            for (var example = 0; example < phi.GetLength(1); example++)
                if (!double.IsFinite(phi[model, example]))
                    throw new ArgumentException(
                        $"{name} φ of model {model} on example {example} is {phi[model, example]}; scores need finite φ.", name);
    }

    /// <exception cref="ArgumentException">Fewer than <paramref name="minimum"/> models (rows).</exception>
    public static void RequireModels(double[,] phi, int minimum, string name, string why)
    {
        if (phi.GetLength(0) < minimum)
            throw new ArgumentException($"{name} has {phi.GetLength(0)} models (rows); {why} needs at least {minimum}.", name);
    }

    /// <exception cref="ArgumentException">Matrices whose example (column) counts differ.</exception>
    public static void RequireSameExamples(double[,] first, double[,] second, string firstName, string secondName)
    {
        if (first.GetLength(1) != second.GetLength(1))
            throw new ArgumentException(
                $"{firstName} has {first.GetLength(1)} examples (columns) but {secondName} has {second.GetLength(1)}.", secondName);
    }

    /// <exception cref="ArgumentException">Matrices whose shapes differ.</exception>
    public static void RequireSameShape(double[,] first, double[,] second, string firstName, string secondName)
    {
        RequireSameExamples(first, second, firstName, secondName);
        if (first.GetLength(0) != second.GetLength(0))
            throw new ArgumentException(
                $"{firstName} has {first.GetLength(0)} models (rows) but {secondName} has {second.GetLength(0)}; this score compares equal pools.",
                secondName);
    }
}
