namespace Lethe.Cli;

/// <summary>
/// Where a command will write, checked before it does any work: a benchmark that trains for an hour must not fail at
/// its first write because --out names a file, or overwrite the very file it reads.
/// </summary>
internal static class OutputPaths
{
    /// <summary>Refuses a file path that is a folder, or lies under a file.</summary>
    /// <exception cref="ArgumentException">The path cannot be a file.</exception>
    public static string File(string option, string path)
    {
        if (Directory.Exists(path)) throw new ArgumentException($"{option} {path} is a folder; give a file name");
        UnderFolders(option, path);
        return path;
    }

    /// <summary>Refuses a folder path that is a file, or lies under one.</summary>
    /// <exception cref="ArgumentException">The path cannot be a folder.</exception>
    public static string Folder(string option, string path)
    {
        if (System.IO.File.Exists(path)) throw new ArgumentException($"{option} {path} is a file; give a folder");
        UnderFolders(option, path);
        return path;
    }

    /// <summary>Refuses to write the file a command reads.</summary>
    /// <exception cref="ArgumentException">Both name the same file.</exception>
    public static void NotTheInput(string inputOption, string input, string outputOption, string output)
    {
        if (string.Equals(Path.GetFullPath(input), Path.GetFullPath(output), StringComparison.Ordinal))
            throw new ArgumentException($"{outputOption} {output} is the {inputOption} file; give another file name");
    }

    /// <summary>The folders a run writes: its results (--out) and the checkpoint cache (--cache or $LETHE_CACHE).</summary>
    /// <exception cref="ArgumentException">One of them is a file.</exception>
    public static void RunFolders(Lethe.Experiments.ExperimentSpec spec)
    {
        Folder("--out", spec.OutputDirectory);
        Folder("--cache", spec.CacheDirectory);
    }

    /// <summary>The results store cells go to: --store, else the cache's cells/ folder.</summary>
    /// <exception cref="ArgumentException">--store is a file.</exception>
    public static string Store(string? option, Lethe.Experiments.ExperimentSpec spec) =>
        option is { } store ? Folder("--store", store) : Lethe.Plans.BenchmarkRunner.DefaultStore(spec);

    // The nearest existing ancestor must be a folder, or creating the missing ones fails only at the first write.
    private static void UnderFolders(string option, string path)
    {
        for (var parent = Path.GetDirectoryName(Path.GetFullPath(path)); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            if (Directory.Exists(parent)) return;
            if (System.IO.File.Exists(parent)) throw new ArgumentException($"{option} {path}: {parent} is a file, not a folder");
        }
    }
}
