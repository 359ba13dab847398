using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Evaluation.Relearning;
using Lethe.Experiments;
using Lethe.Unlearning;
using TorchSharp;
using static TorchSharp.torch;

namespace Lethe.Plans;

/// <summary>
/// What every cell of a plan shares inside one worker process: the data of each data seed (built when a cell first
/// needs it, once), the transforms, the device and the evaluation settings. A worker refuses data whose fingerprint is
/// not the one the plan recorded for its seed: its cells would otherwise be stored under ids that promise other data.
/// </summary>
public sealed class PlanBench : IDisposable
{
    private readonly object _building = new();
    private readonly Dictionary<long, PlanData> _bySeed = [];
    private readonly List<BenchmarkData> _owned = [];

    private PlanBench(Plan plan)
    {
        Plan = plan;
        TrainTransform = new TrainTransform(plan.Spec.ImageSize, plan.Spec.Augmentation);
        EvalTransform = new EvalTransform(plan.Spec.ImageSize);
        Device = torch.device(plan.Spec.Device);
        Provenance = Provenance.Capture(plan.Spec.Device, plan.Spec.EffectiveThreads, plan.Spec.EffectiveJobs, plan.CommandLine ?? "",
            DateTimeOffset.UtcNow);
    }

    public Plan Plan { get; }

    /// <summary>This worker's machine and versions, with the command that wrote the plan.</summary>
    public Provenance Provenance { get; }

    /// <summary>The data of the spec's seed (an audit's only data).</summary>
    /// <exception cref="InvalidDataException">The data built here differs from the data the plan was made for.</exception>
    public BenchmarkData Data => Seed(Plan.Spec.Seed).Data;

    public IImageTransform TrainTransform { get; }

    public IImageTransform EvalTransform { get; }

    public Device Device { get; }

    /// <summary>A bench over the plan's data, each seed's built when first asked for.</summary>
    public static PlanBench Open(Plan plan) => new(plan);

    /// <summary>The bench of <paramref name="plan"/> with the data of its spec's seed already built (now owned by the bench).</summary>
    /// <exception cref="InvalidDataException">The data differs from the data the plan was made for.</exception>
    public static PlanBench With(Plan plan, BenchmarkData data)
    {
        var bench = new PlanBench(plan);
        try
        {
            bench.Add(plan.Spec.Seed, data);
            return bench;
        }
        catch
        {
            bench.Dispose();
            throw;
        }
    }

    /// <summary>The data <paramref name="cell"/> works on.</summary>
    /// <exception cref="InvalidDataException">The data built here differs from the data the plan was made for.</exception>
    public PlanData For(Cell cell) => Seed(Plan.DataSeedOf(cell));

    /// <summary>
    /// The relearning test of <paramref name="cell"/>'s models, as the spec sets it, on the cell's data, seeded with its
    /// data seed (not an unlearning seed, so that a sweep over unlearning seeds shares the Original's and Retrained's curves).
    /// </summary>
    public RelearnRequest RelearnFor(Cell cell) => Plan.Spec.RelearnFor(For(cell).Data, TrainTransform, Plan.DataSeedOf(cell));

    /// <summary>
    /// The name of a base cell's weights in caches of values computed from them alone (the relearning curves): a given
    /// Original's file hash, else its checkpoint key's hash.
    /// </summary>
    public string WeightsKeyOf(Cell baseCell) => baseCell.GivenSha256 is { } sha
        ? Training.GivenModel.KeyOf(sha)
        : BaseModelKey.Of(Plan.Spec, For(baseCell).Data, baseCell.Role, baseCell.Seed ?? Plan.Spec.Seed, Device.type.ToString()).Hash();

    /// <summary>The data of <paramref name="dataSeed"/>, built on first use; seeds whose data is the same share it.</summary>
    /// <exception cref="InvalidDataException">The data built here differs from the data the plan was made for.</exception>
    public PlanData Seed(long dataSeed)
    {
        lock (_building)
        {
            if (_bySeed.TryGetValue(dataSeed, out var known)) return known;
            return Add(dataSeed, DatasetFactory.Build(SpecOf(dataSeed)));
        }
    }

    /// <summary>A method's hyper-parameter record, read back from a cell's JSON into the method's own record type for
    /// <paramref name="task"/> (the data's task: a cell passes its own seed's, so no other seed's data is built).</summary>
    /// <exception cref="InvalidDataException">The plan's record does not fit the method's (an edited plan).</exception>
    public object HyperParameters(IUnlearningMethod method, string json, Models.PredictionTask task)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(json, method.Defaults(UnlearningVariants.Of(task)).GetType(), IO.LetheJson.Options)
                ?? throw new InvalidDataException($"{method.Key}: empty hyper-parameters in the plan");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"{method.Key}: the plan's hyper-parameters are not {method.Key}'s ({IO.LetheJson.Problem(json, e)})", e);
        }
    }

    public void Dispose()
    {
        foreach (var seed in _bySeed.Values) seed.Dispose();
        foreach (var data in _owned) data.Dispose();
        _bySeed.Clear();
        _owned.Clear();
    }

    private ExperimentSpec SpecOf(long dataSeed) => Plan.Spec with { Seed = dataSeed };

    private PlanData Add(long dataSeed, BenchmarkData data)
    {
        lock (_building)
        {
            var expected = Plan.FingerprintOf(dataSeed);
            if (data.Fingerprint != expected)
            {
                data.Dispose();
                // A plan of a file dataset made before the fingerprint hashed pixels (it hashed file times) lands here
                // too although its data is the same: say so, since the user cannot tell the two apart from the hashes.
                throw new InvalidDataException($"the data here ({data.Fingerprint}) is not the data the plan was made for ({expected}): "
                    + "the images, labels or split differ, or the plan was made by a Lethe whose file-dataset fingerprint hashed file times "
                    + "rather than pixels; make the plan again");
            }
            // MUFAC without a seeded forget choice is the same data for every seed: hold it once.
            var held = _owned.FirstOrDefault(d => d.Fingerprint == data.Fingerprint);
            if (held is null) _owned.Add(held = data);
            else data.Dispose();
            var spec = SpecOf(dataSeed);
            var seed = new PlanData(spec, held, RunPhiMetadata.Of(spec, held.Task, Provenance));
            _bySeed[dataSeed] = seed;
            return seed;
        }
    }
}
