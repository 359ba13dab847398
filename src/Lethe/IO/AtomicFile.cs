using System.Text;

namespace Lethe.IO;

/// <summary>
/// Writes files so that a reader never sees half of one: write a temp file beside the target, then rename over it.
/// An interrupted run therefore leaves either the old file or the new one, and a resume can trust what it finds; a
/// kill mid-write leaves a hidden temp file that names its writer, removed by the next run on the folder.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text) => Write(path, temp => File.WriteAllText(temp, text, new UTF8Encoding(false)));

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, temp => File.WriteAllBytes(temp, bytes));

    /// <summary>Calls <paramref name="writeTemp"/> with a temp path in the target's folder, then renames it into place.</summary>
    /// <exception cref="IOException"><paramref name="path"/> is a folder (checked first: the rename would fail only
    /// after all the work of writing).</exception>
    public static void Write(string path, Action<string> writeTemp)
    {
        if (Directory.Exists(path)) throw new IOException($"{path} is a folder; give a file name");
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = TempFiles.For(path); // names this process, so a run after a kill can tell its leftovers (TempFiles.RemoveLeftovers)
        try
        {
            writeTemp(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
