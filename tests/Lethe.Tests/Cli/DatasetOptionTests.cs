using System.CommandLine;
using System.Text.RegularExpressions;
using Lethe.Cli;
using Lethe.Data;
using Lethe.Tests.Data;
using Lethe.Tests.Support;

namespace Lethe.Tests.Cli;

public class DatasetOptionTests
{
    [Fact]
    public void A_file_dataset_without_a_folder_is_a_usage_error()
    {
        var console = new TestConsole();
        Assert.Equal(2, console.Run("benchmark", "--dataset", "mufac", "--methods", "none"));
        Assert.Contains("--data", console.Error.ToString());
    }

    [Fact]
    public void A_broken_dataset_is_one_line_naming_the_file_and_line_and_exit_code_1()
    {
        using var dir = new TempDirectory();
        var fixture = new MufacFixture(dir.Path);
        fixture.ReplaceRow("custom_train_dataset.csv", 4, "F0001,D,a,../../secret.jpg");
        var console = new TestConsole();
        int code = console.Run("benchmark", "--dataset", "mufac", "--data", dir.Path, "--methods", "none",
            "--cache", Path.Combine(dir.Path, "cache"), "--out", Path.Combine(dir.Path, "out"));
        Assert.Equal(1, code);
        var lines = console.Error.ToString().Trim().Split('\n');
        Assert.Single(lines);
        Assert.Equal($"lethe: {fixture.TrainCsv}:5: image path '../../secret.jpg' escapes the dataset folder {Path.Combine(dir.Path, "train_images")}", lines[0]);
    }

    [Theory]
    [InlineData("benchmark")]
    [InlineData("evaluate")]
    public void Should_list_every_registered_dataset_in_the_help_of_dataset(string command)
    {
        var help = new StringWriter();
        var console = new TestConsole();
        LetheApp.CreateRoot(console.Console, console.Error).Parse([command, "--help"]).Invoke(new InvocationConfiguration { Output = help });
        // Help wraps long descriptions; the words, not the line breaks, are the contract.
        var text = Regex.Replace(help.ToString(), @"\s+", " ");
        Assert.Contains($"Dataset: {string.Join(", ", DatasetRegistry.Default.Names)} (", text);
    }
}
