using Lethe.Experiments;

namespace Lethe.Reports;

/// <summary>
/// Warnings a report must print above its numbers: a Debug build (timings several times slower), and seeds made in
/// different environments (results repeat only on the same versions, device and thread count).
/// </summary>
public static class EnvironmentWarnings
{
    public static IReadOnlyList<string> Of(IReadOnlyList<RunRecord> runs)
    {
        var warnings = new List<string>();
        if (runs.Any(r => r.Provenance.IsDebug))
            warnings.Add("Debug build; timings are not comparable.");
        foreach (var (name, value) in Fields)
        {
            var distinct = runs.Select(r => value(r.Provenance)).Distinct().ToArray();
            if (distinct.Length > 1)
                warnings.Add($"The seeds were run in different environments: {name} is {string.Join(" / ", distinct)}.");
        }
        return warnings;
    }

    private static readonly (string Name, Func<Provenance, string> Value)[] Fields =
    [
        ("the Lethe version", p => p.Lethe),
        (".NET", p => p.DotNet),
        ("TorchSharp", p => p.TorchSharp),
        ("LibTorch", p => p.LibTorch),
        ("the OS", p => p.Os),
        ("the CPU", p => p.Cpu),
        ("the device", p => p.Device),
        ("the torch thread count", p => p.TorchThreads.ToString()),
        ("the parallel job count", p => p.Jobs.ToString()),
        ("the build", p => p.Build),
    ];
}
