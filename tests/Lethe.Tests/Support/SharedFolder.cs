namespace Lethe.Tests.Support;

/// <summary>
/// Finds ../shared beside the repository. Tests that need it skip when a clone has none (a user's clone), but fail when
/// ../shared is there and lacks the file: a renamed or deleted reference file must not turn a reference test into a
/// silent skip on CI.
/// </summary>
public static class SharedFolder
{
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lethe.sln"))) return dir.FullName;
        return null;
    }

    /// <summary>The ../shared folder beside the repository, or null when there is none.</summary>
    public static string? Root()
    {
        var root = RepositoryRoot();
        var shared = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared"));
        return shared is not null && Directory.Exists(shared) ? shared : null;
    }

    /// <summary>
    /// The path of ../shared/<paramref name="relative"/>. Skips the test when there is no ../shared at all; fails it
    /// when ../shared exists but lacks <paramref name="relative"/>.
    /// </summary>
    public static string Require(string relative)
    {
        var (state, path) = Find(Root(), relative);
        if (state == SharedState.NoSharedFolder) Assert.Skip($"../shared/{relative} is absent (a user's clone has no ../shared)");
        if (state == SharedState.MissingFile) Assert.Fail($"../shared exists but has no {relative}: a reference file was moved or renamed");
        return path!;
    }

    /// <summary>Where <paramref name="relative"/> is under a given shared folder (null: none), without acting on it.</summary>
    public static (SharedState State, string? Path) Find(string? shared, string relative)
    {
        if (shared is null) return (SharedState.NoSharedFolder, null);
        var path = Path.GetFullPath(Path.Combine(shared, relative));
        return Directory.Exists(path) || File.Exists(path) ? (SharedState.Present, path) : (SharedState.MissingFile, path);
    }
}

public enum SharedState { Present, NoSharedFolder, MissingFile }
