using System.Reflection;
using System.Reflection.Metadata;
using TorchSharp;
using static TorchSharp.torch;

namespace Lethe.Tests.Architecture;

/// <summary>
/// Every TorchSharp Scalar Lethe makes lives until the native call that reads it returns. A Scalar frees its native value
/// in its finalizer and no DisposeScope tracks it, so one made in passing (<c>t.pow(2)</c>, <c>t * 0.5</c>,
/// <c>t.add_(1)</c>, or inside TorchSharp: <c>square()</c> is <c>pow(2)</c>, <c>a + b</c> is <c>add(b, 1)</c>) is
/// unreachable once its handle is read, and a garbage collection during the call frees it while LibTorch reads it: a
/// use-after-free, seen as 'INTERNAL ASSERT FAILED at c10/core/Scalar.h' in a two-job audit or as a segfault.
/// The test reads Lethe's IL: no implicit conversion to Scalar, no call to a TorchSharp or TorchVision method that makes
/// a Scalar it lets go (found by reading their IL too, and closed over their calls to each other), and every Scalar made
/// explicitly goes straight into a field, or into a local the method disposes (<c>using var two = 2.0.ToScalar()</c>).
/// In TorchSharp 0.107 the scan finds, among others: Tensor.square(), add and add_ of a Tensor or of a Scalar without
/// alpha, the operators +, and -, *, /, % with a number, (double)tensor, tensor.ToDouble() / ToSingle() / ToInt64() and
/// the other To* readers, tensor.ToString(), celu, elu, softplus, addcdiv without value, torch.arange without step,
/// torch.normal, and TorchVision's resnet18 constructor (allowed below).
/// It cannot see through a virtual call, so what TorchSharp does in a module's forward (BatchNorm's
/// <c>num_batches_tracked.add_(1)</c>, ResNet's residual <c>add_(identity)</c>) or an optimiser's step (SGD's
/// <c>add_(grad, alpha: -lr)</c>) is not Lethe's to hold.
/// </summary>
public sealed class ScalarLifetimeTests
{
    private const string Scalar = "TorchSharp.Scalar";

    /// <summary>Loose-Scalar methods Lethe calls knowingly, by the start of their key, each with why it cannot hold them.</summary>
    private static readonly Dictionary<string, string> Unavoidable = new()
    {
        ["TorchSharp.torchvision+models::resnet18("] = "TorchVision's ResNet constructor fills each BatchNorm with init.constant_(w, 1) "
            + "and (b, 0); Networks overwrites those weights or loads a state dict over them, and a ResNet of our own is not worth it",
    };

    /// <summary>The TorchSharp and TorchVision methods that make a Scalar they let go, directly or through each other.</summary>
    private static readonly Lazy<HashSet<string>> Loose = new(() =>
    {
        var torch = typeof(Lethe.IO.AtomicFile).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name is { } n && (n.StartsWith("TorchSharp", StringComparison.Ordinal) || n.StartsWith("TorchVision", StringComparison.Ordinal)))
            .SelectMany(a => IlMethods.Read(Assembly.Load(a).Location))
            .ToList();
        var loose = torch.Where(m => LooseMakes(m).Any()).Select(m => m.Key).ToHashSet();
        var callers = torch
            .SelectMany(m => m.Body.Where(i => i.Callee is not null).Select(i => (Callee: i.Callee!, Caller: m.Key)))
            .ToLookup(e => e.Callee, e => e.Caller);
        var work = new Queue<string>(loose);
        while (work.TryDequeue(out var key))
            foreach (var caller in callers[key])
                if (loose.Add(caller)) work.Enqueue(caller);
        return loose;
    });

    [Fact]
    public void Lethe_holds_every_Scalar_it_makes()
    {
        var found = new[] { typeof(Lethe.IO.AtomicFile).Assembly, typeof(Lethe.Cli.LetheApp).Assembly }
            .SelectMany(a => Violations(IlMethods.Read(a.Location)))
            .OrderBy(v => v.What, StringComparer.Ordinal).ToList();
        Assert.True(found.Count == 0, $"{found.Sum(v => v.Sites)} Scalars that may be freed while LibTorch reads them:\n"
            + string.Join("\n", found.Select(v => v.Sites > 1 ? $"{v.What} (×{v.Sites})" : v.What)));
    }

    /// <summary>The test itself must be able to fail: it finds each kind of loose Scalar in the Canary methods below, and
    /// none in <see cref="Held"/>.</summary>
    [Fact]
    public void The_scan_finds_loose_Scalars()
    {
        var own = IlMethods.Read(typeof(ScalarLifetimeTests).Assembly.Location);
        var canaries = Violations(own.Where(m => m.Key.Contains("ScalarLifetimeTests::Canary", StringComparison.Ordinal))).Select(v => v.What).ToList();
        Assert.Equal(5, canaries.Count);
        Assert.Contains(canaries, v => v.Contains("op_Implicit(System.Int32)", StringComparison.Ordinal));
        Assert.Contains(canaries, v => v.Contains("op_Implicit(System.Double)", StringComparison.Ordinal));
        Assert.Contains(canaries, v => v.Contains("torch+Tensor::square()", StringComparison.Ordinal));
        Assert.Contains(canaries, v => v.Contains("torch+Tensor::op_Addition(TorchSharp.torch+Tensor,TorchSharp.torch+Tensor)", StringComparison.Ordinal));
        Assert.Contains(canaries, v => v.Contains("lets go of", StringComparison.Ordinal));
        Assert.Empty(Violations(own.Where(m => m.Key.Contains("ScalarLifetimeTests::Held", StringComparison.Ordinal))));
    }

    private static Tensor CanaryImplicitInt(Tensor t) => t.pow(2);
    private static Tensor CanaryImplicitDouble(Tensor t) => t.mul(0.5);
    private static Tensor CanarySquare(Tensor t) => t.square();
    private static Tensor CanarySum(Tensor a, Tensor b) => a + b;
    private static Tensor CanaryUnheld(Tensor t) => t.pow(2.ToScalar());

    private static Tensor Held(Tensor t)
    {
        using var two = 2.ToScalar();
        return t.pow(two);
    }

    /// <summary>Each method and kind of loose Scalar in it, with its number of call sites.</summary>
    private static IReadOnlyList<(string What, int Sites)> Violations(IEnumerable<IlMethod> methods)
    {
        var found = new List<(string, int)>();
        foreach (var m in methods)
        {
            var sites = m.Body.Select(i => i.Callee).OfType<string>().Select(callee =>
                    callee.StartsWith(Scalar + "::op_Implicit(", StringComparison.Ordinal) ? $"converts implicitly: {callee}"
                    : Loose.Value.Contains(callee) && !Unavoidable.Keys.Any(k => callee.StartsWith(k, StringComparison.Ordinal))
                        ? $"calls {callee}, which makes a Scalar it lets go"
                    : null)
                .Concat(LooseMakes(m).Where(c => !c.StartsWith(Scalar + "::op_Implicit(", StringComparison.Ordinal))
                    .Select(c => $"lets go of the Scalar from {c}"))
                .OfType<string>();
            found.AddRange(sites.CountBy(s => s).Select(g => ($"{m.Key} {g.Key}", g.Value)));
        }
        return found;
    }

    /// <summary>The calls in <paramref name="m"/> that make a Scalar (return a fresh one, or construct one) which is neither
    /// stored into a field nor into a local that <paramref name="m"/> disposes. A method that returns a Scalar hands it
    /// on and is not loose itself: its callers are judged.</summary>
    private static IEnumerable<string> LooseMakes(IlMethod m)
    {
        if (m.Returns == Scalar) yield break;
        var body = m.Body;
        for (var i = 0; i < body.Count; i++)
        {
            var c = body[i];
            if (!c.Calls || !(c.Returns == Scalar || c.Op == ILOpCode.Newobj && c.Callee!.StartsWith(Scalar + "::.ctor(", StringComparison.Ordinal))) continue;
            var next = i + 1 < body.Count ? body[i + 1] : default;
            if (next.Op is ILOpCode.Stfld or ILOpCode.Stsfld) continue;
            if (next.Local >= 0 && next.Op is >= ILOpCode.Stloc_0 and <= ILOpCode.Stloc_3 or ILOpCode.Stloc_s or ILOpCode.Stloc
                && Disposes(body, next.Local)) continue;
            yield return c.Callee!;
        }
    }

    /// <summary>Whether the body loads local <paramref name="local"/> and calls Dispose() on it, as a using's finally does.</summary>
    private static bool Disposes(IReadOnlyList<IlInstruction> body, int local)
    {
        for (var j = 0; j + 1 < body.Count; j++)
            if (body[j].Local == local && body[j].Op is >= ILOpCode.Ldloc_0 and <= ILOpCode.Ldloc_3 or ILOpCode.Ldloc_s or ILOpCode.Ldloc
                && body[j + 1].Calls && body[j + 1].Callee!.EndsWith("::Dispose()", StringComparison.Ordinal))
                return true;
        return false;
    }
}
