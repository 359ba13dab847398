using Lethe.Tests.Data;
using Lethe.Tests.Support;

namespace Lethe.Tests.Cli;

public class DatasetsCheckCommandTests
{
    [Fact]
    public void A_check_with_only_bad_images_advises_skip_bad_and_the_benchmark_then_refuses_nothing_else()
    {
        using var dir = new TempDirectory();
        var fixture = new MufacFixture(dir.Path);
        File.Delete(fixture.ImageOf("custom_train_dataset.csv", 2));
        var console = new TestConsole();
        console.Console.Profile.Width = 400; // one finding a line, as when piped

        int code = console.Run("datasets", "check", dir.Path, "--forget", "first:8");

        Assert.Equal(1, code);
        var output = console.Output.ToString();
        Assert.Contains($"{fixture.TrainCsv}:3: image '", output);
        Assert.Contains("usable: no; `lethe benchmark --skip-bad` leaves out the 1 bad images above (each listed) and runs", output);
    }

    [Fact]
    public void A_forget_set_that_takes_all_of_train_fails_the_check_and_the_benchmark_before_training()
    {
        using var dir = new TempDirectory();
        new MufacFixture(dir.Path);
        var check = new TestConsole();
        check.Console.Profile.Width = 400;
        var benchmark = new TestConsole();

        int checkCode = check.Run("datasets", "check", dir.Path, "--forget", "first:1500");
        int benchmarkCode = benchmark.Run("benchmark", "--no-relearn", "--dataset", "mufac", "--data", dir.Path, "--forget", "first:1500", "--methods", "none",
            "--image-size", "8", "--cache", Path.Combine(dir.Path, "cache"), "--out", Path.Combine(dir.Path, "out"));

        Assert.Equal((1, 1), (checkCode, benchmarkCode));
        Assert.Contains("the retain set is empty (--forget first:1500 on 24 training images)", check.Output.ToString());
        Assert.Contains("usable: no (fix the errors above)", check.Output.ToString());
        var line = Assert.Single(benchmark.Error.ToString().Trim().Split('\n'));
        Assert.StartsWith("lethe: the retain set is empty (--forget first:1500 on 24 training images)", line);
    }
}
