using Lethe.Evaluation.Relearning;
using Lethe.Experiments;
using Lethe.Models;
using Lethe.Numerics;
using Lethe.Training;
using Lethe.Unlearning;

namespace Lethe.Plans;

/// <summary>
/// What a plan will cost before it runs: how many cells (models) it makes, how many are already done, and an estimate
/// of the wall time from this machine's measured speed. A cell kind already done in the store (this plan's, or another
/// plan's scaled by its train-set size) is timed by its mean; otherwise base models are timed from a short training
/// calibration (img/s of a few SGD steps at the plan's image size and thread count), and unlearning cells, whose work
/// differs by method, by a guess of a quarter of a Retrained model each, labelled as such until one of them is done.
/// A benchmark's relearning test is timed apart, as the training images of the curves still to make at the calibrated
/// speed (done cells' times are taken less the relearning their done.json records).
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
    /// <summary>Relearning curves the to-do cells will make (a benchmark's relearning test; 0 with --no-relearn), each
    /// <see cref="RelearnOptions.Steps"/> × <see cref="RelearnOptions.BatchSize"/> training images, timed at the calibrated
    /// speed and included in <see cref="EstimatedSeconds"/>.</summary>
    public int RelearnCurves { get; init; }

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

        // Less their relearning, which is timed apart below (it does not grow with the train set).
        double? Measured(CellRole role, string? method) =>
            Timed(role, method) is { Length: > 0 } same ? same.Average(d => (d.Seconds - (d.RelearnSeconds ?? 0)) * images / d.Images) : null;

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
        var curves = plan.Kind == Plan.BenchmarkKind && !plan.Spec.NoRelearn ? CurvesToMake(bench, todo) : (Own: 0, References: 0, Cached: 0);
        if (curves.Own + curves.References > 0)
        {
            speed ??= CalibrateTrainSpeed(bench);
            var (options, count) = (plan.Spec.Relearn, curves.Own + curves.References);
            total += count * RelearnCost.Seconds(options, bench.Data.Forget.Count, speed.Value);
            basis.Add($"relearning test: {RelearnCost.Describe(count, options, bench.Data.Forget.Count, speed.Value)} ({curves.Own} of the methods' models, "
                + $"{curves.References} of Originals and Retrained" + (curves.Cached > 0 ? $"; {curves.Cached} more already in {Path.Combine(plan.Spec.CacheDirectory, "relearn")}" : "") + ")");
        }
        // Cells run side by side as far as the cores allow: jobs × threads beyond the cores only share them.
        var parallel = Math.Clamp(Environment.ProcessorCount / Math.Max(1, plan.Spec.EffectiveThreads), 1, Math.Max(1, plan.Spec.EffectiveJobs));
        var byRole = todo.GroupBy(c => c.Role).ToDictionary(g => g.Key, g => g.Count());
        return new PlanCost(models.Length, models.Length - todo.Length, byRole, total / parallel, basis, speed)
        {
            RelearnCurves = curves.Own + curves.References,
        };
    }

    /// <summary>
    /// The relearning curves the to-do cells will make: one per model of each method's cell, and one per base cell (the
    /// Original's or Retrained's curve, made in its own cell for the methods to read) unless it is already in
    /// &lt;cache&gt;/relearn/. A done base cell made its curve then, so it costs nothing more. The cache is looked up for the
    /// base models of the data already built (the spec's seed); another seed's are counted, as building their data only
    /// to look would cost more than the estimate is worth.
    /// </summary>
    private static (int Own, int References, int Cached) CurvesToMake(PlanBench bench, IReadOnlyList<Cell> todo)
    {
        var plan = bench.Plan;
        var own = todo.Where(c => c.Role == CellRole.Unlearned).Sum(c => MethodRegistry.Get(c.Method!).Labels.Count);
        var bases = todo.Where(c => c.Role is CellRole.Original or CellRole.Retrained).ToArray();
        bool Stored(Cell cell) => plan.DataSeedOf(cell) == plan.Spec.Seed && bench.RelearnFor(cell).Setup is { } setup
            && ReferenceCurves.IsStored(ReferenceCurves.Key(bench.WeightsKeyOf(cell), setup, plan.Spec.EffectiveThreads), setup.CacheDirectory);
        var cached = bases.Count(Stored);
        return (own, bases.Length - cached, cached);
    }

    /// <summary>Training images per second of one job at the plan's image size, batch and thread count (see <see cref="TrainSpeed"/>).</summary>
    public static double CalibrateTrainSpeed(PlanBench bench)
    {
        var spec = bench.Plan.Spec;
        TorchThreads.Set(spec.EffectiveThreads);
        return TrainSpeed.Calibrate(spec.Architecture, bench.Data.Task, bench.Data.Train.Samples,
            spec.RecipesFor(bench.Data.Task).Original.BatchSize, spec.ImageSize, bench.Device);
    }
}
