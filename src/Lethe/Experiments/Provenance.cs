using System.Reflection;
using System.Runtime.InteropServices;

namespace Lethe.Experiments;

/// <summary>
/// Where and how a result was made. Results repeat only on the same versions, device and torch thread count, so every
/// record and report carries this.
/// </summary>
public sealed record Provenance(
    string Lethe,
    string? Commit,
    string DotNet,
    string TorchSharp,
    string LibTorch,
    string Os,
    string Cpu,
    int LogicalCores,
    string Device,
    int TorchThreads,
    int Jobs,
    string Build,
    string CommandLine,
    DateTimeOffset Started)
{
    public static Provenance Capture(string device, int threads, int jobs, string commandLine, DateTimeOffset started) => new(
        typeof(Provenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
        GitCommit(),
        RuntimeInformation.FrameworkDescription,
        typeof(global::TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "unknown",
        global::TorchSharp.torch.__version__,
        RuntimeInformation.OSDescription,
        CpuName(),
        Environment.ProcessorCount,
        device,
        threads,
        jobs,
#if DEBUG
        "Debug",
#else
        "Release",
#endif
        commandLine,
        started);

    /// <summary>A Debug build is several times slower; timings from it must not be compared.</summary>
    public bool IsDebug => Build == "Debug";

    private static string CpuName()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
                foreach (var line in File.ReadLines("/proc/cpuinfo"))
                    if (line.StartsWith("model name", StringComparison.Ordinal))
                        return line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string? GitCommit()
    {
        // The informational version carries "+<sha>" when SourceLink-style stamping is on; otherwise read .git directly.
        var informational = typeof(Provenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (informational?.Split('+') is [_, var sha, ..]) return sha;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var head = Path.Combine(dir.FullName, ".git", "HEAD");
            if (!File.Exists(head)) continue;
            var text = File.ReadAllText(head).Trim();
            if (!text.StartsWith("ref: ", StringComparison.Ordinal)) return text;
            var refPath = Path.Combine(dir.FullName, ".git", text[5..]);
            return File.Exists(refPath) ? File.ReadAllText(refPath).Trim() : null;
        }
        return null;
    }
}
