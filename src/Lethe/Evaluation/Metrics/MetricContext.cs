using Lethe.Data;
using Lethe.Evaluation.Relearning;
using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Evaluation.Metrics;

/// <summary>Everything a metric may look at for one model. The models are in evaluation mode and must not be changed.</summary>
/// <param name="Model">The model measured.</param>
/// <param name="Sets">The run's evaluation sets (test, forget, unseen, the retain sample).</param>
/// <param name="Task">The prediction task (head, loss, prediction rule).</param>
/// <param name="Transform">The evaluation transform.</param>
/// <param name="Device">Where the models are.</param>
/// <param name="Outputs">The standard pass's results (accuracies, the attack, φ), so a metric never recomputes them.</param>
/// <param name="References">The Original and Retrained to compare with, or why each is absent.</param>
public sealed record MetricContext(nn.Module<Tensor, Tensor> Model, EvaluationSets Sets, PredictionTask Task, IImageTransform Transform,
    Device Device, ModelEvaluation Outputs, MetricReferences References)
{
    /// <summary>The penultimate features already computed for this evaluation, shared by the metrics that read them.</summary>
    public FeatureMemo Features { get; init; } = new();

    /// <summary>The relearning test's settings and retain images, or why it is not run (default: not set up here).</summary>
    public RelearnRequest Relearning { get; init; } = RelearnRequest.Off("relearning is not set up for this evaluation");
}

/// <summary>The models a comparing metric measures against; each may be absent, with the reason.</summary>
/// <param name="Original">The Original the model was unlearned from (or the Original itself).</param>
/// <param name="Retrained">A Retrained model on the same retain set.</param>
public sealed record MetricReferences(Reference Original, Reference Retrained)
{
    /// <summary>No references: a model judged alone.</summary>
    public static MetricReferences None(string why) => new(Reference.Absent(why), Reference.Absent(why));
}

/// <summary>A reference model, or why there is none.</summary>
public sealed record Reference(nn.Module<Tensor, Tensor>? Model, string? Missing)
{
    /// <summary>A stable name of the weights (a checkpoint key's hash, a file's SHA-256), under which values computed from
    /// them alone are cached across cells and runs (the relearning curves); null = not cached beyond this process.</summary>
    public string? Key { get; init; }

    public static Reference Of(nn.Module<Tensor, Tensor> model, string? key = null) => new(model, null) { Key = key };

    public static Reference Absent(string why) => new(null, why);
}
