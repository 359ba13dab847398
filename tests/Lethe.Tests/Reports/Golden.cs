using Lethe.Tests.Support;

namespace Lethe.Tests.Reports;

/// <summary>
/// Compares a writer's output with a verified file under Reports/Golden/. Set LETHE_UPDATE_GOLDEN=1 to rewrite the files
/// after a deliberate change, then review the diff before committing it.
/// </summary>
public static class Golden
{
    public static void AssertMatches(string fileName, string actual)
    {
        var root = SharedFolder.RepositoryRoot() ?? throw new InvalidOperationException("the repository root (Lethe.sln) was not found");
        var path = Path.Combine(root, "tests", "Lethe.Tests", "Reports", "Golden", fileName);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("LETHE_UPDATE_GOLDEN") == "1") File.WriteAllText(path, actual);
        Assert.True(File.Exists(path), $"{path} is missing; run with LETHE_UPDATE_GOLDEN=1 to create it, then review it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
