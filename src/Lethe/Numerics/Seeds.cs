using System.Security.Cryptography;
using System.Text;

namespace Lethe.Numerics;

/// <summary>
/// One experiment seed, from which each stage derives its own named stream ("split", "init", "shuffle", "augment",
/// "mia", "unlearn/scrub", ...). Changing what one stage draws never shifts another stage's numbers.
/// </summary>
public static class Seeds
{
    /// <summary>The reference notebooks' seed: they call <c>set_seed(42)</c> before each unlearning method and in the
    /// attack.</summary>
    public const int Default = 42;

    /// <summary>A stable 64-bit seed for <paramref name="stream"/> under <paramref name="seed"/> (SHA-256, not string.GetHashCode, which is randomised per process).</summary>
    public static long Derive(long seed, string stream)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/{stream}"));
        return BitConverter.ToInt64(hash, 0) & long.MaxValue;
    }

    /// <summary>A .NET random generator for the named stream.</summary>
    public static Random Random(long seed, string stream) => new((int)(Derive(seed, stream) % int.MaxValue));

    /// <summary>A TorchSharp generator for the named stream, on the CPU (device generators differ; CPU draws then move).</summary>
    public static TorchSharp.torch.Generator Generator(long seed, string stream) =>
        new TorchSharp.torch.Generator((ulong)Derive(seed, stream));
}
