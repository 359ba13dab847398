namespace Lethe.Audit;

/// <summary>
/// The k-th of <c>count</c> evenly spaced points from start to stop, both ends included, laid out exactly as the
/// library the reference code called: the ε scorer takes its one-sided thresholds from <c>torch.linspace</c> and its
/// window edges from <c>numpy.linspace</c>, and KLoM its bin edges from <c>numpy.linspace</c>.
/// </summary>
/// <remarks>
/// The two differ only in the last bits (the test vectors move no result under a 1e-9 shift of every threshold), but
/// copying each costs nothing and leaves no doubt about a value that sits on an edge.
/// </remarks>
internal static class Linspace
{
    /// <summary>NumPy 1.24: k·((stop − start)/(count − 1)) + start, and the last point exactly stop.</summary>
    public static double NumPy(double start, double stop, int count, int k)
    {
        if (count == 1) return start;
        if (k == count - 1) return stop;
        var step = (stop - start) / (count - 1);
        return k * step + start;
    }

    /// <summary>PyTorch's CPU kernel: the first half counts up from start, the second half down from stop.</summary>
    public static double Torch(double start, double stop, int count, int k)
    {
        if (count == 1) return start;
        var step = (stop - start) / (count - 1);
        return k < count / 2 ? start + step * k : stop - step * (count - k - 1);
    }
}
