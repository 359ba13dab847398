namespace Lethe.Tests.Evaluation;

/// <summary>Finds /work/shared/testvectors: ../shared/testvectors beside the repository root (the folder with Lethe.sln).</summary>
internal static class TestVectorFolder
{
    /// <summary>The folder, or null when the repository root or the shared folder is absent.</summary>
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Lethe.sln"))) continue;
            var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "testvectors"));
            return Directory.Exists(folder) ? folder : null;
        }
        return null;
    }

    /// <summary>The path of one vector file; skips the calling test when it is absent.</summary>
    public static string Require(string fileName)
    {
        var folder = Find();
        Assert.SkipWhen(folder is null, "Shared test vectors (../shared/testvectors beside the repository root) are absent.");
        var path = Path.Combine(folder!, fileName);
        Assert.SkipUnless(File.Exists(path), $"Test vector {path} is absent.");
        return path;
    }
}
