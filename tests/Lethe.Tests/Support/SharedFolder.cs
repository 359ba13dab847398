namespace Lethe.Tests.Support;

/// <summary>Finds ../shared beside the repository; tests that need it skip when a clone has none.</summary>
public static class SharedFolder
{
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lethe.sln"))) return dir.FullName;
        return null;
    }

    /// <summary>The path of ../shared/<paramref name="relative"/>, or skips the test when it is absent.</summary>
    public static string Require(string relative)
    {
        var root = RepositoryRoot();
        var path = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", relative));
        if (path is null || !(Directory.Exists(path) || File.Exists(path)))
            Assert.Skip($"../shared/{relative} is absent (a user's clone has no ../shared)");
        return path!;
    }
}
