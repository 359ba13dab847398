using System.Diagnostics;
using Lethe.IO;

namespace Lethe.Tests.Support;

/// <summary>What a write killed halfway leaves: a temp file named after a process of this host that is gone.</summary>
public static class KilledWriter
{
    /// <summary>The id of a process that ran on this host and exited.</summary>
    public static int GonePid()
    {
        using var process = Process.Start(new ProcessStartInfo("true"))!;
        process.WaitForExit();
        return process.Id;
    }

    /// <summary>Creates the temp file a killed writer of <paramref name="target"/> would leave in <paramref name="folder"/>.</summary>
    public static string LeaveTempFile(string folder, string target)
    {
        Directory.CreateDirectory(folder);
        var leftover = Path.Combine(folder, $".{target}.{GonePid()}@{TempFiles.Host}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(leftover, "half");
        return leftover;
    }
}
