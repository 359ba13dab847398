using System.Diagnostics;
using Lethe.Models;
using Lethe.Reports;
using static TorchSharp.torch;
using Lethe.Experiments;
using Lethe.Numerics;

namespace Lethe.Plans;

/// <summary>
/// What a plan will cost before it runs: how many cells (models) it makes, how many are already done, and an estimate
/// of the wall time from this machine's measured speed. A cell kind already done in the store (this plan's, or another
/// plan's scaled by its train-set size) is timed by its mean; otherwise base models are timed from a short training
/// calibration (img/s of a few SGD steps at the plan's image size and thread count), and unlearning cells, whose work
/// differs by method, by a guess of a quarter of a Retrained model each, labelled as such until one of them is done.
/// </summary>
/// <param name="Cells">Model cells in the plan.</param>
/// <param name="Done">Of those, already done in the store.</param>
/// <param name="ByRole">To-do cells per role.</param>
/// <param name="EstimatedSeconds">Wall time of the to-do cells with the plan's jobs side by side.</param>
/// <param name="Basis">How each kind of cell was timed, in words.</param>
/// <param name="TrainImagesPerSecond">The calibration's measured speed, or null when none was needed.</param>
public sealed record PlanCost(int Cells, int Done, IReadOnlyDictionary<CellRole, int> ByRole, double EstimatedSeconds,
    IReadOnlyList<string> Basis, double? TrainImagesPerSecond)
{
    /// <summary>Share of a Retrained model's time assumed for an unlearning cell whose method has no timed cell yet.</summary>
    public const double UnlearnGuess = 0.25;

    public int ToDo => Cells - Done;

    /// <summary>Counts and times the plan's to-do cells.</summary>
    public static PlanCost Estimate(PlanBench bench, CellStore store)
    {
        var plan = bench.Plan;
        var models = plan.Cells.Where(c => c.MakesModel).ToArray();
        var todo = models.Where(c => !store.IsDone(c)).ToArray();
        var history = store.AllDone();
        var images = bench.Data.Train.Count;
        var basis = new List<string>();
        double? speed = null;

        // A loaded Original took seconds, not a training run: it must not time the Originals still to train.
        CellDone[] Timed(CellRole role, string? method) =>
            history.Where(d => d.Role == role && d.Method == method && d.Images > 0 && !d.Given).ToArray();

        double? Measured(CellRole role, string? method) =>
            Timed(role, method) is { Length: > 0 } same ? same.Average(d => d.Seconds * images / d.Images) : null;

        double BaseSeconds(CellRole role)
        {
            if (Measured(role, null) is { } known)
            {
                basis.Add($"{role}: mean of {Timed(role, null).Length} done cells ({known:F1} s)");
                return known;
            }
            speed ??= CalibrateTrainSpeed(bench);
            var recipes = plan.Spec.RecipesFor(bench.Data.Task);
            var (recipe, set) = role == CellRole.Original ? (recipes.Original, bench.Data.Train) : (recipes.Retrained, bench.Data.Retain);
            var evaluated = bench.Data.Train.Count + bench.Data.Test.Count + bench.Data.Unseen.Count;
            // Evaluation is a forward pass: about a third of a training step's work per image.
            var seconds = (recipe.Epochs * set.Count + evaluated / 3.0) / speed.Value;
            basis.Add($"{role}: {recipe.Epochs} epochs × {set.Count} images at the calibrated {speed:F0} img/s ({seconds:F1} s)");
            return seconds;
        }

        var originalSeconds = todo.Any(c => c.Role == CellRole.Original) ? BaseSeconds(CellRole.Original) : 0;
        var retrainedSeconds = BaseSeconds(CellRole.Retrained);
        var perMethod = new Dictionary<string, double>();
        foreach (var method in todo.Where(c => c.Role == CellRole.Unlearned).Select(c => c.Method!).Distinct())
        {
            if (Measured(CellRole.Unlearned, method) is { } known)
            {
                perMethod[method] = known;
                basis.Add($"{method}: mean of its done cells ({known:F1} s)");
            }
            else if (Unlearning.MethodRegistry.Get(method) is Unlearning.RetrainedControl)
            {
                perMethod[method] = retrainedSeconds; // it trains a second Retrained
                basis.Add($"{method}: no cell done yet, timed as Retrained ({retrainedSeconds:F1} s)");
            }
            else
            {
                perMethod[method] = UnlearnGuess * retrainedSeconds;
                basis.Add($"{method}: no cell done yet, guessed at {NumberText.Percent(UnlearnGuess)} of a Retrained model ({perMethod[method]:F1} s)");
            }
        }
        var total = todo.Sum(c => c.Role switch
        {
            CellRole.Original => originalSeconds,
            CellRole.Retrained => retrainedSeconds,
            _ => perMethod[c.Method!],
        });
        // Cells run side by side as far as the cores allow: jobs × threads beyond the cores only share them.
        var parallel = Math.Clamp(Environment.ProcessorCount / Math.Max(1, plan.Spec.EffectiveThreads), 1, Math.Max(1, plan.Spec.EffectiveJobs));
        var byRole = todo.GroupBy(c => c.Role).ToDictionary(g => g.Key, g => g.Count());
        return new PlanCost(models.Length, models.Length - todo.Length, byRole, total / parallel, basis, speed);
    }

    /// <summary>Training images per second of one job: 2 warm-up and 4 timed SGD steps on random images.</summary>
    public static double CalibrateTrainSpeed(PlanBench bench)
    {
        var spec = bench.Plan.Spec;
        var batchSize = spec.RecipesFor(bench.Data.Task).Original.BatchSize;
        TorchThreads.Set(spec.EffectiveThreads);
        using var model = Networks.Create(spec.Architecture, bench.Data.Task.Outputs, bench.Device, 0);
        using var optimizer = optim.SGD(model.parameters(), 0.01, 0.9);
        model.train();
        var targets = bench.Data.Task.Targets(bench.Data.Train.Samples.Take(batchSize).ToArray());
        var rows = (int)targets.shape[0];
        using var images = randn(rows, 3, spec.ImageSize, spec.ImageSize, device: bench.Device);
        using var onDevice = targets.to(bench.Device);
        var clock = new Stopwatch();
        for (var step = 0; step < 6; step++)
        {
            if (step == 2) clock.Start();
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            bench.Data.Task.Loss(model.call(images), onDevice).backward();
            optimizer.step();
        }
        targets.Dispose();
        return 4.0 * rows / clock.Elapsed.TotalSeconds;
    }
}
