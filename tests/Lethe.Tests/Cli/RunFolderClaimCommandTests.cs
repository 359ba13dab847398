using Lethe.Tests.Support;

namespace Lethe.Tests.Cli;

/// <summary>
/// `lethe plan benchmark` claims the folder its report cells will write, as `lethe benchmark` does: a plan of other
/// settings into the same folder is refused in one line, the same plan again is let in, and --overwrite takes it.
/// </summary>
public class RunFolderClaimCommandTests
{
    [Fact]
    public void Should_refuse_a_plan_of_other_settings_into_a_claimed_folder_and_take_it_with_overwrite()
    {
        using var dir = new TempDirectory();
        var plan = Path.Combine(dir.Path, "run", "plan.json");
        string[] Args(string methods, params string[] more) =>
            ["plan", "benchmark", "--no-relearn", "--preset", "quick", "--image-size", "16", "--epochs", "1", "--threads", "1", "--methods", methods,
                "--cache", Path.Combine(dir.Path, "cache"), "--out", plan, .. more];
        Assert.Equal(0, new TestConsole().Run(Args("finetune")));
        Assert.Equal(0, new TestConsole().Run(Args("finetune")));

        var refused = new TestConsole();
        Assert.Equal(2, refused.Run(Args("scrub")));
        var line = Assert.Single(refused.Error.ToString().TrimEnd().Split('\n'));
        Assert.StartsWith($"lethe: {Path.GetDirectoryName(plan)} holds the results of another run (lethe ", line);
        Assert.EndsWith("); give this one its own folder with --out DIR, or add --overwrite to replace them", line);

        var taken = new TestConsole();
        Assert.Equal(0, taken.Run(Args("scrub", "--overwrite")));
        Assert.StartsWith($"--overwrite: {Path.GetDirectoryName(plan)} held the results of lethe ", taken.Output.ToString());
    }
}
