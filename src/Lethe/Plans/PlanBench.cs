using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Evaluation;
using Lethe.Experiments;
using Lethe.Unlearning;
using TorchSharp;
using static TorchSharp.torch;

namespace Lethe.Plans;

/// <summary>
/// What every cell of a plan shares inside one worker process: the data (built once), the transforms, the device and
/// the evaluation settings. A worker refuses a plan whose data fingerprint is not that of the data it builds: its
/// cells would otherwise be stored under ids that promise other data.
/// </summary>
public sealed class PlanBench : IDisposable
{
    private PlanBench(Plan plan, BenchmarkData data)
    {
        Plan = plan;
        Data = data;
        TrainTransform = new TrainTransform(plan.Spec.ImageSize, plan.Spec.Augmentation);
        EvalTransform = new EvalTransform(plan.Spec.ImageSize);
        Device = torch.device(plan.Spec.Device);
        Evaluation = EvaluationOptions.Default with
        {
            Lambda = plan.Spec.Lambda,
            Attack = new MembershipInferenceOptions(SubsampleSeed: plan.Spec.Seed),
        };
        PhiMetadata = RunPhiMetadata.Of(plan.Spec, data.Task,
            Provenance.Capture(plan.Spec.Device, plan.Spec.EffectiveThreads, plan.Spec.EffectiveJobs, "", DateTimeOffset.UtcNow));
    }

    /// <summary>What every φ file of the plan carries (dataset, task, image size, preset, Lethe version).</summary>
    public IReadOnlyDictionary<string, string> PhiMetadata { get; }

    public Plan Plan { get; }

    public BenchmarkData Data { get; }

    public IImageTransform TrainTransform { get; }

    public IImageTransform EvalTransform { get; }

    public Device Device { get; }

    public EvaluationOptions Evaluation { get; }

    /// <summary>Builds the plan's data.</summary>
    /// <exception cref="InvalidDataException">The data built here differs from the data the plan was made for.</exception>
    public static PlanBench Open(Plan plan) => With(plan, DatasetFactory.Build(plan.Spec));

    /// <summary>The bench of <paramref name="plan"/> over data already built (and now owned by the bench).</summary>
    /// <exception cref="InvalidDataException">The data differs from the data the plan was made for.</exception>
    public static PlanBench With(Plan plan, BenchmarkData data)
    {
        if (data.Fingerprint != plan.DataFingerprint)
        {
            data.Dispose();
            throw new InvalidDataException(
                $"the data here ({data.Fingerprint}) is not the data the plan was made for ({plan.DataFingerprint})");
        }
        return new PlanBench(plan, data);
    }

    /// <summary>A method's hyper-parameter record, read back from a cell's JSON into the method's own record type.</summary>
    public object HyperParameters(IUnlearningMethod method, string json) =>
        System.Text.Json.JsonSerializer.Deserialize(json, method.Defaults(UnlearningVariants.Of(Data.Task)).GetType(),
            IO.LetheJson.Options)
        ?? throw new InvalidDataException($"{method.Key}: empty hyper-parameters in the plan");

    public void Dispose() => Data.Dispose();
}
