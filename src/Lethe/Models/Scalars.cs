using TorchSharp;
using static TorchSharp.torch;

namespace Lethe.Models;

/// <summary>
/// TorchSharp Scalars that stay alive while LibTorch reads them. A Scalar frees its native value in its finalizer and no
/// DisposeScope tracks it, so one made in passing (<c>t.pow(2)</c>, <c>t * 0.5</c>, and inside TorchSharp
/// <c>square()</c>, <c>a + b</c> = <c>a.add(b, 1)</c>, <c>tensor.ToDouble()</c>) is unreachable once its handle is read,
/// and a garbage collection on another thread during the native call frees it while it is read: a use-after-free seen as
/// 'INTERNAL ASSERT FAILED at c10/core/Scalar.h' in a two-job audit. Lethe therefore converts no number implicitly: a
/// constant is one of these fields, held for the life of the process, and any other value is a <c>using var</c> local
/// (<c>using var half = 0.5.ToScalar()</c>), reachable until the end of its scope. They are ints, as the literals they
/// replace were, so dtype promotion is unchanged (an int Scalar keeps an integer tensor integral; a double would not).
/// tests/Lethe.Tests/Architecture/ScalarLifetimeTests.cs fails on any Scalar left loose.
/// </summary>
internal static class Scalars
{
    public static readonly Scalar Zero = 0.ToScalar();

    /// <summary>Also the alpha TorchSharp itself passes for a plain sum: <c>a + b</c> is <c>a.add(b, One)</c>, and
    /// <c>t.add_(x)</c> of a Scalar is <c>t.add_(x, One)</c>.</summary>
    public static readonly Scalar One = 1.ToScalar();

    /// <summary>The exponent of <c>square()</c>, which is <c>pow(2)</c>: <c>t.pow(Two)</c> is the same LibTorch call.</summary>
    public static readonly Scalar Two = 2.ToScalar();

    /// <summary><paramref name="value"/>'s one element as a double, as <c>value.ToDouble()</c> gives it, with its
    /// Scalar held until it is read (TorchSharp's ToDouble lets it go).</summary>
    public static double ToDouble(Tensor value)
    {
        using var scalar = value.ToScalar();
        return scalar.ToDouble();
    }
}
