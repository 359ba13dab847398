using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Lethe.IO;

/// <summary>
/// Temp files of writes in progress (<see cref="AtomicFile"/>, the image cache), named after their writer
/// (".results.json.&lt;pid&gt;@&lt;host&gt;.&lt;guid&gt;.tmp", the host as 8 hex digits of its name's hash) so that the next run
/// on a folder can tell what a killed writer left from what a live one is writing: a temp file of this host whose
/// process is gone is removed at once; one of another host (a cache or store shared by cluster nodes), or of an older
/// Lethe that did not name its writer, only once nothing has written to it for <see cref="StaleAfter"/>, since a live
/// writer keeps touching its file.
/// </summary>
public static partial class TempFiles
{
    /// <summary>A temp file of unknown or remote writer untouched this long is a leftover (CellLock waits as long).</summary>
    public static TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>This host, as it appears in temp file names.</summary>
    public static string Host { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Environment.MachineName)))[..8];

    /// <summary>A fresh temp path in <paramref name="path"/>'s folder, hidden, naming this process as its writer.</summary>
    public static string For(string path)
    {
        var full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}@{Host}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>
    /// Removes the temp files in <paramref name="folder"/> (not its sub-folders) that killed writers left, and says in one
    /// line each what it removed, and what it left because a live writer elsewhere may own it. Files another process
    /// removes meanwhile are skipped.
    /// </summary>
    public static IReadOnlyList<string> RemoveLeftovers(string folder, DateTime? nowUtc = null)
    {
        if (!Directory.Exists(folder)) return [];
        var now = nowUtc ?? DateTime.UtcNow;
        var said = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.tmp"))
        {
            try
            {
                // Gone since it was listed (another run on the folder removed it): nothing to do or say.
                if (!File.Exists(file) || Verdict(file, now) is not { } why) continue;
                if (why.Remove) File.Delete(file);
                said.Add(why.Remove ? $"removed {file}, left by {why.Text}" : $"left {file} alone: {why.Text}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone already (another run cleaned it) or not ours to remove: nothing to say.
            }
        }
        return said;
    }

    private sealed record Why(bool Remove, string Text);

    /// <summary>What to do with a temp file: null when a live process of this host writes it.</summary>
    private static Why? Verdict(string file, DateTime now)
    {
        var untouched = now - File.GetLastWriteTimeUtc(file);
        var named = Writer().Match(Path.GetFileName(file));
        if (named.Success && named.Groups["host"].Value == Host)
        {
            var pid = int.Parse(named.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!IsAlive(pid, File.GetLastWriteTimeUtc(file))) return new Why(true, $"a killed write (process {pid} is gone)");
            return null;
        }
        if (untouched > StaleAfter) return new Why(true, $"a killed write (untouched for {Describe(untouched)})");
        var owner = named.Success ? $"process {named.Groups["pid"].Value} of another host" : "another process";
        return new Why(false, $"{owner} may still be writing it (touched {Describe(untouched)} ago); a run after {Describe(StaleAfter)} without a write removes it");
    }

    /// <summary>True when <paramref name="pid"/> runs and started before the file was last written (a process that
    /// started later got the id after the writer died).</summary>
    private static bool IsAlive(int pid, DateTime lastWriteUtc)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && process.StartTime.ToUniversalTime() <= lastWriteUtc.AddSeconds(2);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{span.TotalHours:F0} h" : span.TotalMinutes >= 1 ? $"{span.TotalMinutes:F0} min" : $"{Math.Max(0, span.TotalSeconds):F0} s";

    [GeneratedRegex(@"\.(?<pid>\d+)@(?<host>[0-9a-f]{8})\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex Writer();
}
