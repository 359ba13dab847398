using Lethe.Cluster;
using Lethe.Plans;
using Lethe.Tests.Support;

namespace Lethe.Tests.Cluster;

public class PlanFileTests
{
    [Fact]
    public void Should_read_back_a_written_plan_with_its_store()
    {
        using var dir = new TempDirectory();
        var plan = HandMadePlan.Create(dir.Path);
        var path = Path.Combine(dir.Path, "plan.json");
        plan.Write(path);

        var read = PlanFile.Read(path);

        Assert.Equal(plan.Cells.Select(c => c.Id), read.Cells.Select(c => c.Id));
        Assert.Equal(Path.Combine(dir.Path, "store"), PlanFile.StoreOf(read).Directory);
        Assert.Equal("/elsewhere", PlanFile.StoreOf(read, "/elsewhere").Directory);
        Assert.Equal(Path.Combine(read.Spec.CacheDirectory, "cells"), PlanFile.StoreOf(read with { Store = null }).Directory);
    }

    [Theory]
    [InlineData("", "not a Lethe plan")]
    [InlineData("{\"Kind\": \"audit\"}", "not a Lethe plan")]
    [InlineData("[1, 2]", "not a Lethe plan")]
    public void Should_refuse_a_file_that_is_not_a_plan_naming_it(string text, string expected)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "bad.json");
        File.WriteAllText(path, text);

        var error = Assert.Throws<InvalidDataException>(() => PlanFile.Read(path));

        Assert.StartsWith(path, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Should_refuse_a_plan_whose_cell_reads_a_cell_that_is_not_before_it()
    {
        using var dir = new TempDirectory();
        var plan = HandMadePlan.Create(dir.Path);
        var cells = plan.Cells.ToArray();
        cells[4] = cells[4] with { DependsOn = ["nowhere"] };
        var path = Path.Combine(dir.Path, "plan.json");
        (plan with { Cells = cells }).Write(path);

        var error = Assert.Throws<InvalidDataException>(() => PlanFile.Read(path));

        Assert.Equal($"{path}: cell 4 (finetune-s42) reads nowhere, which is not an earlier cell of the plan", error.Message);
    }

    [Fact]
    public void Should_refuse_a_plan_whose_spec_was_edited_by_hand_in_one_line()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "plan.json");
        HandMadePlan.Create(dir.Path).Write(path);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        json["Spec"]!["BaseEpochs"] = 3; // planned with 2
        File.WriteAllText(path, json.ToJsonString());

        var console = new TestConsole();
        Assert.Equal(1, console.Run("plan", "show", path));

        var line = Assert.Single(console.Error.ToString().Trim().Split('\n'));
        Assert.StartsWith($"lethe: {path}: cell 0 (original-s42, id ", line);
        Assert.Contains("is not what the plan's spec gives", line);
        Assert.EndsWith("the plan was edited after it was written, or by another version of Lethe; write it again with `lethe plan`", line);
    }

    [Fact]
    public void Should_say_in_one_line_which_plan_file_is_missing_or_bad()
    {
        using var dir = new TempDirectory();
        var bad = Path.Combine(dir.Path, "bad.json");
        File.WriteAllText(bad, "{ truncated");
        foreach (var (args, expected) in new[]
                 {
                     (new[] { "plan", "show", bad }, bad),
                     (new[] { "run-cell", bad, "--index", "0" }, bad),
                     (new[] { "submit", "slurm", Path.Combine(dir.Path, "none.json"), "--dry-run" }, "none.json: no such plan file"),
                 })
        {
            var console = new TestConsole();
            Assert.Equal(1, console.Run(args));
            var line = Assert.Single(console.Error.ToString().Trim().Split('\n'));
            Assert.Contains(expected, line);
        }
    }
}
