using Lethe.Tests.Support;

namespace Lethe.Tests.Cli;

/// <summary>Bad input of every kind ends in one line that names the file, option or word at fault, never a stack trace.</summary>
public class BadInputTests
{
    private static (int Code, string Error) Run(params string[] args)
    {
        var console = new TestConsole();
        int code = console.Run(args);
        var error = console.Error.ToString();
        Assert.DoesNotContain("   at ", error);
        Assert.Single(error.TrimEnd().Split('\n'));
        return (code, error.TrimEnd());
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("{\"Provenance\": ", "JSON ends early at line 1")]
    [InlineData("{\n  \"Provenance\": {\n    \"Lethe\": \"0.1\",\n", "JSON ends early at line 3")]
    [InlineData("[]", "the JSON is an array, not an object")]
    [InlineData("{\"Provenance\": 7}", "unexpected value at $.Provenance (line 1)")]
    [InlineData("{\"Provenance\": }", "bad JSON at line 1")]
    public void A_damaged_results_file_is_named_with_what_is_wrong(string json, string problem)
    {
        using var dir = new TempDirectory();
        var results = Path.Combine(dir.Path, "results.json");
        File.WriteAllText(results, json);
        Assert.Equal((1, $"lethe: {results}: not a Lethe results file ({problem})"), Run("report", dir.Path));
    }
}
