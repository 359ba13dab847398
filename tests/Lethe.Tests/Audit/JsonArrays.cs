using System.Text.Json;

namespace Lethe.Tests.Audit;

/// <summary>Reads the shared vectors' nested JSON arrays (row = model, column = example) into .NET arrays.</summary>
internal static class JsonArrays
{
    public static double[] Vector(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public static double[,] Matrix(JsonElement rows)
    {
        var values = rows.EnumerateArray().Select(Vector).ToArray();
        var matrix = new double[values.Length, values.Length == 0 ? 0 : values[0].Length];
        for (var i = 0; i < values.Length; i++)
            for (var j = 0; j < values[i].Length; j++) matrix[i, j] = values[i][j];
        return matrix;
    }

    public static float[,] FloatMatrix(JsonElement rows)
    {
        var values = Matrix(rows);
        var matrix = new float[values.GetLength(0), values.GetLength(1)];
        for (var i = 0; i < values.GetLength(0); i++)
            for (var j = 0; j < values.GetLength(1); j++) matrix[i, j] = (float)values[i, j];
        return matrix;
    }
}
