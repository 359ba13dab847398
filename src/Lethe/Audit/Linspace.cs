namespace Lethe.Audit;

/// <summary>
/// Evenly spaced points from start to stop, both ends included, laid out exactly as the library the reference code
/// called: the ε scorer takes its one-sided thresholds from <c>torch.linspace</c> and its window edges from
/// <c>numpy.linspace</c>, and KLoM its bin edges from <c>numpy.linspace</c>.
/// </summary>
/// <remarks>
/// The two differ only in the last bits (the test vectors move no result under a 1e-9 shift of every threshold), but
/// copying each costs nothing and leaves no doubt about a value that sits on an edge.
/// </remarks>
internal static class Linspace
{
    /// <summary>NumPy 1.24: point k is k·((stop − start)/(n − 1)) + start, and the last point exactly stop.</summary>
    public static void NumPy(double start, double stop, Span<double> points)
    {
        if (points.IsEmpty) return;
        var step = (stop - start) / (points.Length - 1);
        for (var k = 0; k < points.Length - 1; k++) points[k] = k * step + start;
        points[^1] = points.Length == 1 ? start : stop;
    }

    /// <summary>PyTorch's CPU kernel: the first half counts up from start, the second half down from stop.</summary>
    public static void Torch(double start, double stop, Span<double> points)
    {
        if (points.IsEmpty) return;
        var step = (stop - start) / (points.Length - 1);
        var half = points.Length / 2;
        for (var k = 0; k < points.Length; k++)
            points[k] = k < half ? start + step * k : stop - step * (points.Length - k - 1);
        if (points.Length == 1) points[0] = start;
    }
}
