using TorchSharp;

namespace Lethe.Evaluation;

/// <summary>
/// The leading principal directions of a feature matrix, scaled so that each projected coordinate has unit variance over
/// the rows it was fitted on: x ↦ (x − μ)·V_k·diag(√(N−1)/s_k). Directions with no variance are dropped.
/// </summary>
public sealed class FeatureBasis
{
    private readonly double[] _mean;
    private readonly double[,] _projection; // D × k

    private FeatureBasis(double[] mean, double[,] projection) => (_mean, _projection) = (mean, projection);

    /// <summary>How many coordinates a projected row has (at most the components asked for, N − 1 and D).</summary>
    public int Components => _projection.GetLength(1);

    /// <summary>Fits on N × D features by a singular value decomposition in float64.</summary>
    /// <exception cref="ArgumentException">No rows or no features.</exception>
    public static FeatureBasis Fit(double[,] features, int components)
    {
        var (n, d) = (features.GetLength(0), features.GetLength(1));
        if (n == 0 || d == 0) throw new ArgumentException($"a basis needs rows and features, got {n} × {d}", nameof(features));
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(features, dtype: torch.ScalarType.Float64);
        var mean = x.mean([0L], keepdim: true);
        var (_, s, vh) = torch.linalg.svd(x - mean, fullMatrices: false);
        var singular = s.data<double>().ToArray();
        // Keep directions whose variance is above rounding; a set of identical rows keeps none, and is given one zero
        // coordinate so that a probe on it still has a feature (and predicts its one class).
        var kept = singular.Take(components).TakeWhile(v => v > 1e-9 * Math.Max(singular[0], 1e-300)).Count();
        if (kept == 0) return new FeatureBasis(mean.squeeze(0).data<double>().ToArray(), new double[d, 1]);
        var scale = torch.tensor(singular[..kept].Select(v => Math.Sqrt(Math.Max(n - 1, 1)) / v).ToArray(), dtype: torch.ScalarType.Float64);
        var projection = (vh.narrow(0, 0, kept).t() * scale).contiguous();
        var values = projection.data<double>().ToArray();
        var matrix = new double[d, kept];
        Buffer.BlockCopy(values, 0, matrix, 0, values.Length * sizeof(double));
        return new FeatureBasis(mean.squeeze(0).data<double>().ToArray(), matrix);
    }

    /// <summary>Each of N × D rows projected: N rows of <see cref="Components"/> values.</summary>
    /// <exception cref="ArgumentException">A feature count other than the fitted one.</exception>
    public double[][] Project(double[,] features)
    {
        var (n, d, k) = (features.GetLength(0), _projection.GetLength(0), Components);
        if (n > 0 && features.GetLength(1) != d)
            throw new ArgumentException($"the basis was fitted on {d} features, got {features.GetLength(1)}", nameof(features));
        var rows = new double[n][];
        for (var i = 0; i < n; i++)
        {
            rows[i] = new double[k];
            for (var j = 0; j < d; j++)
            {
                var centred = features[i, j] - _mean[j];
                if (centred == 0) continue;
                for (var c = 0; c < k; c++) rows[i][c] += centred * _projection[j, c];
            }
        }
        return rows;
    }
}
