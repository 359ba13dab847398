using Lethe.Experiments;
using Lethe.Models;
using Lethe.Plans;
using Lethe.Tests.Experiments;
using Lethe.Audit;

namespace Lethe.Tests.Plans;

public class AuditPlannerTests
{
    private static readonly ExperimentSpec Spec = TinyRun.Spec("out", "cache", ["finetune", "ssd"]) with { Threads = 1, Jobs = 2 };

    private static Plan Build(AuditMode mode, int n = 4, ExperimentSpec? spec = null, string fingerprint = "data-1")
    {
        spec ??= Spec;
        return AuditPlanner.Build(spec, mode, n, MethodPlan.Resolve(spec, MultiClassTask.AgeGroups), fingerprint);
    }

    /// <summary>Cells as text: records compare their lists by reference.</summary>
    private static string[] Described(Plan plan) => plan.Cells
        .Select(c => $"{c.Index}|{c.Id}|{c.Role}|{c.Name}|{c.Seed}|{c.Method}|{c.HyperParameters}|{string.Join(",", c.DependsOn)}").ToArray();

    [Fact]
    public void Should_make_the_same_plan_with_the_same_ids_every_time()
    {
        var first = Build(AuditMode.Population);
        var second = Build(AuditMode.Population);

        Assert.Equal(Described(first), Described(second));
        Assert.Equal(first.Cells.Count, first.Cells.Select(c => c.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, first.Cells.Count), first.Cells.Select(c => c.Index));
    }

    [Fact]
    public void Should_plan_one_original_and_one_cell_for_a_seedless_method_in_fixed_original_mode()
    {
        var plan = Build(AuditMode.FixedOriginal);

        Assert.Equal(["original-s42"], plan.Cells.Where(c => c.Role == CellRole.Original).Select(c => c.Name));
        Assert.Equal(["retrained-s42", "retrained-s43", "retrained-s44", "retrained-s45"],
            plan.Cells.Where(c => c.Role == CellRole.Retrained).Select(c => c.Name));
        Assert.Equal(["finetune-s42", "finetune-s43", "finetune-s44", "finetune-s45", "ssd"],
            plan.Cells.Where(c => c.Role == CellRole.Unlearned).Select(c => c.Name));
        Assert.Null(plan.Cells.Single(c => c.Name == "ssd").Seed);
        var original = plan.Cells[0].Id;
        Assert.All(plan.Cells.Where(c => c.Role == CellRole.Unlearned), c => Assert.Equal([original], c.DependsOn));
        var score = plan.Cells[^1];
        Assert.Equal(CellRole.Score, score.Role);
        Assert.Equal(plan.Cells.Take(plan.Cells.Count - 1).Select(c => c.Id), score.DependsOn);
    }

    [Fact]
    public void Should_give_each_population_original_its_own_methods_and_share_cells_with_fixed_original_mode()
    {
        var population = Build(AuditMode.Population);
        var fixedOriginal = Build(AuditMode.FixedOriginal);

        Assert.Equal(4, population.Cells.Count(c => c.Role == CellRole.Original));
        Assert.Equal(4, population.Cells.Count(c => c.Method == "ssd"));
        var ssd43 = population.Cells.Single(c => c.Name == "ssd-s43");
        Assert.Equal([population.Cells.Single(c => c.Name == "original-s43").Id], ssd43.DependsOn);
        // Same model, same id: seed 42's Original, the Retrained models, and the methods run on seed 42's Original (SSD's
        // one seedless cell in fixed-original mode is population mode's SSD of seed 42's Original).
        var shared = population.Cells.Select(c => c.Id).Intersect(fixedOriginal.Cells.Select(c => c.Id)).ToArray();
        Assert.Equal(1 + 4 + 2, shared.Length); // original-s42, four retrained, finetune-s42, ssd
        Assert.Contains(fixedOriginal.Cells.Single(c => c.Name == "ssd").Id, shared);
        Assert.NotEqual(population.Cells[^1].Id, fixedOriginal.Cells[^1].Id);
    }

    [Fact]
    public void Should_change_only_the_ids_that_a_change_reaches()
    {
        var plan = Build(AuditMode.FixedOriginal);
        var overridden = Build(AuditMode.FixedOriginal, spec: Spec with { Overrides = ["finetune.lr=0.05"] });
        var otherData = Build(AuditMode.FixedOriginal, fingerprint: "data-2");
        var otherJobs = Build(AuditMode.FixedOriginal, spec: Spec with { Jobs = 1, OutputDirectory = "elsewhere" });
        var otherThreads = Build(AuditMode.FixedOriginal, spec: Spec with { Threads = 2 });

        string Id(Plan p, string name) => p.Cells.Single(c => c.Name == name).Id;
        Assert.Equal(Id(plan, "original-s42"), Id(overridden, "original-s42"));
        Assert.Equal(Id(plan, "ssd"), Id(overridden, "ssd"));
        Assert.NotEqual(Id(plan, "finetune-s43"), Id(overridden, "finetune-s43"));
        Assert.All(plan.Cells, c => Assert.DoesNotContain(c.Id, otherData.Cells.Select(o => o.Id)));
        Assert.Equal(plan.Cells.Select(c => c.Id), otherJobs.Cells.Select(c => c.Id));
        Assert.NotEqual(Id(plan, "retrained-s42"), Id(otherThreads, "retrained-s42"));
    }

    // `lethe audit --data mufac` and `lethe plan audit --data mufac` (which writes it absolute) make the same models.
    [Fact]
    public void Should_give_the_same_ids_for_a_relative_and_an_absolute_data_path()
    {
        var mufac = Spec with { Dataset = "mufac", DataDirectory = Path.Combine("data", "mufac") };

        var relative = Build(AuditMode.FixedOriginal, spec: mufac);
        var absolute = Build(AuditMode.FixedOriginal, spec: mufac with { DataDirectory = Path.GetFullPath(mufac.DataDirectory!) });

        Assert.Equal(Described(relative), Described(absolute));
        Assert.NotEqual(Described(relative), Described(Build(AuditMode.FixedOriginal, spec: mufac, fingerprint: "data-2")));
    }

    [Fact]
    public void Should_keep_the_cells_of_a_smaller_n_when_n_grows()
    {
        var small = Build(AuditMode.Population, n: 3);
        var large = Build(AuditMode.Population, n: 5);

        Assert.Subset(large.Cells.Select(c => c.Id).ToHashSet(), small.Cells.Where(c => c.MakesModel).Select(c => c.Id).ToHashSet());
    }

    [Fact]
    public void Should_write_and_read_back_a_plan()
    {
        using var dir = new Support.TempDirectory();
        var plan = Build(AuditMode.Population);
        var path = Path.Combine(dir.Path, "plan.json");

        plan.Write(path);
        var read = Plan.Read(path);

        Assert.Equal(Described(plan), Described(read));
        Assert.Equal(plan.Spec.ResultHash(), read.Spec.ResultHash());
        Assert.Equal(AuditMode.Population, read.Mode);
        Assert.Equal(plan.Cells[^1].Id, read.At(plan.Cells.Count - 1).Id);
        Assert.Throws<ArgumentException>(() => read.At(plan.Cells.Count));
    }

    [Fact]
    public void Should_refuse_too_few_models_and_a_plan_without_methods()
    {
        Assert.Throws<ArgumentException>(() => Build(AuditMode.FixedOriginal, n: 2));
        var none = Spec with { Methods = [] };
        Assert.Throws<ArgumentException>(() => Build(AuditMode.FixedOriginal, spec: none));
    }

    [Fact]
    public void Should_run_base_models_first_then_methods_then_the_score()
    {
        var stages = PlanRunner.Stages(Build(AuditMode.Population));

        Assert.Equal(3, stages.Count);
        Assert.All(stages[0], c => Assert.Contains(c.Role, new[] { CellRole.Original, CellRole.Retrained }));
        Assert.All(stages[1], c => Assert.Equal(CellRole.Unlearned, c.Role));
        Assert.Equal(CellRole.Score, Assert.Single(stages[2]).Role);
    }
}
