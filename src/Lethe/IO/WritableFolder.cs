namespace Lethe.IO;

/// <summary>
/// Whether a folder can be written, asked before any work: a run that trains for an hour must not find a read-only
/// output folder or cache only at its first write. Nothing is left behind: a missing folder is not created (its nearest
/// existing ancestor is asked instead, since that is where it would be created), and the probe file deletes itself.
/// </summary>
public static class WritableFolder
{
    /// <summary>Why files cannot be written in <paramref name="folder"/>, in a few words ("Read-only file system",
    /// "permission denied"), or null when they can.</summary>
    public static string? Problem(string folder)
    {
        var existing = Path.GetFullPath(folder);
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing)) return $"{existing} is a file, not a folder";
            existing = Path.GetDirectoryName(existing);
            if (existing is null) return "no part of the path exists";
        }
        var probe = Path.Combine(existing, $".lethe-write-probe.{Environment.ProcessId}.{Guid.NewGuid():N}");
        try
        {
            using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            stream.WriteByte(0);
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return $"permission denied in {existing}";
        }
        catch (IOException e)
        {
            // .NET's message is the OS's ("Read-only file system : '/path/.lethe-write-probe...'"): keep the reason, not the probe's name.
            var reason = e.Message.Split(" : ", 2)[0].Trim().TrimEnd('.');
            return $"{reason} in {existing}";
        }
    }
}
