using Lethe.Experiments;
using Lethe.IO;

namespace Lethe.Cli;

/// <summary>
/// Where a command will write, checked before it does any work: a benchmark that trains for an hour must not fail at
/// its first write because --out names a file or a read-only folder (or HOME, where the cache goes by default, is
/// read-only), or overwrite the very file it reads. A refusal names the option or variable that chose the folder.
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

    /// <summary>The folders a run writes: its results (--out) and the checkpoint cache (--cache, $LETHE_CACHE or the
    /// default under HOME), each a folder this process can write.</summary>
    /// <exception cref="ArgumentException">One of them is a file, or cannot be written (named by its option or variable).</exception>
    public static void RunFolders(ExperimentSpec spec)
    {
        Writable("--out", Folder("--out", spec.OutputDirectory));
        Cache(spec);
    }

    /// <summary>The checkpoint and image cache, refused by the name of what chose it when it is a file or cannot be written.</summary>
    /// <exception cref="ArgumentException">It cannot be used.</exception>
    public static string Cache(ExperimentSpec spec)
    {
        var option = CacheOrigin(spec.CacheDirectory);
        Folder(option.Name, spec.CacheDirectory);
        if (WritableFolder.Problem(spec.CacheDirectory) is { } problem)
            throw new ArgumentException($"{option.Name} {spec.CacheDirectory}: cannot write there ({problem}); {option.WayOut}");
        return spec.CacheDirectory;
    }

    /// <summary>The results store cells go to: --store, else the cache's cells/ folder; either writable.</summary>
    /// <exception cref="ArgumentException">--store is a file, or the store cannot be written.</exception>
    public static string Store(string? option, ExperimentSpec spec)
    {
        if (option is not { } store)
        {
            Cache(spec);
            return Lethe.Plans.BenchmarkRunner.DefaultStore(spec);
        }
        Writable("--store", Folder("--store", store));
        return store;
    }

    /// <summary>A store a worker will write (<c>lethe run-cell</c>), named by --store or, when the plan chose it, by the plan file.</summary>
    /// <exception cref="ArgumentException">It cannot be written.</exception>
    public static void WorkerStore(string? option, string store, string planPath)
    {
        if (WritableFolder.Problem(store) is not { } problem) return;
        throw new ArgumentException(option is not null
            ? $"--store {store}: cannot write there ({problem}); give a writable folder with --store"
            : $"the store {store} that {planPath} names: cannot write there ({problem}); give a writable one with --store");
    }

    /// <summary>Refuses a folder this process cannot write, naming <paramref name="option"/>.</summary>
    /// <exception cref="ArgumentException">It cannot be written.</exception>
    public static string Writable(string option, string path)
    {
        if (WritableFolder.Problem(path) is { } problem)
            throw new ArgumentException($"{option} {path}: cannot write there ({problem}); give a writable folder with {option}");
        return path;
    }

    /// <summary>What chose the cache folder, for a message: --cache, $LETHE_CACHE, or the default under HOME.</summary>
    private static (string Name, string WayOut) CacheOrigin(string directory)
    {
        var variable = Environment.GetEnvironmentVariable(ExperimentSpec.CacheVariable);
        if (!string.IsNullOrWhiteSpace(variable) && variable == directory)
            return (ExperimentSpec.CacheVariable, $"set {ExperimentSpec.CacheVariable} to a writable folder, or give --cache DIR");
        if (string.IsNullOrWhiteSpace(variable) && directory == ExperimentSpec.HomeCacheDirectory())
            return ("the default cache (under HOME)", $"set {ExperimentSpec.CacheVariable} or give --cache DIR");
        return ("--cache", "give a writable folder with --cache");
    }

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
