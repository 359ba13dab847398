using System.Diagnostics;

namespace Lethe.Tests.Support;

/// <summary>
/// A folder nothing can be written in, even by root, who ignores permission bits: as root it is made immutable
/// (<c>chattr +i</c>, on ext4, xfs and btrfs), otherwise its write bits are cleared. A test that cannot have one (root
/// on a file system without the immutable flag) is skipped, never passed.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // chattr and Unix file modes: the tests that refuse read-only folders run where Lethe (linux-x64) runs
public sealed class ReadOnlyFolder : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly bool _immutable;

    public ReadOnlyFolder()
    {
        Path = System.IO.Path.Combine(_root.Path, "read-only");
        Directory.CreateDirectory(Path);
        if (IsRoot())
        {
            _immutable = Chattr("+i");
            if (!_immutable) Assert.Skip("running as root on a file system without chattr +i: no read-only folder to test with");
        }
        else
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The read-only folder (empty).</summary>
    public string Path { get; }

    public void Dispose()
    {
        if (_immutable) Chattr("-i");
        else File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _root.Dispose();
    }

    private static bool IsRoot() => File.Exists("/proc/self/status")
        && File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal)) is { } uid
        && uid.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) == "0";

    private bool Chattr(string flag)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("chattr", [flag, Path]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no chattr
        }
    }
}
