using Lethe.Data;
using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Unlearning;

/// <summary>Fine-tuning hyper-parameters (spec §8.2).</summary>
public sealed record FineTuneHyperParameters
{
    /// <summary>SGD learning rate. Default 0.001.</summary>
    public double Lr { get; init; } = 0.001;

    /// <summary>Passes over the retain set. Default 2.</summary>
    public int Epochs { get; init; } = 2;

    /// <summary>Train with BatchNorm in evaluation mode, as the reference's MUFAC notebook accidentally did. Default false.</summary>
    public bool BnEvalQuirk { get; init; }
}

/// <summary>Fine-tuning ("Fine-tuning"): keep minimising the loss on the retain set, hoping the forget set fades (spec §8.2).</summary>
public sealed class FineTune : UnlearningMethod<FineTuneHyperParameters>
{
    public override string Key => "finetune";

    public override IReadOnlyList<string> LabelsFor(FineTuneHyperParameters hyperParameters) => ["Fine-tuning"];

    public override FineTuneHyperParameters Defaults(UnlearningVariant variant) => new();

    public override IReadOnlyList<UnlearnedModel> Run(UnlearningContext context, FineTuneHyperParameters hyper)
    {
        var start = context.Time.GetTimestamp();
        var model = context.CopyOriginal();
        model.train(!hyper.BnEvalQuirk);
        using var steps = new TrainingSteps(context, Key, model, model.parameters(), hyper.Lr);
        Train(steps, model, context.Task, context.TrainLoader(context.Retain, Stream("retain")), hyper.Epochs);
        steps.Finish();
        return [Result("Fine-tuning", model, context, start, steps)];
    }

    /// <summary>Epochs of plain loss minimisation over every retain batch (shared by CF-k and UNSIR's repair stage).
    /// Returns false when training diverged.</summary>
    internal static bool Train(TrainingSteps steps, nn.Module<Tensor, Tensor> model, PredictionTask task,
        BatchLoader retain, int epochs, string stagePrefix = "")
    {
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            steps.Stage = $"{stagePrefix}epoch {epoch}/{epochs} retain";
            foreach (var batch in retain.Epoch())
                using (batch)
                    if (!steps.Step(() => task.Loss(model.call(batch.Images), batch.Targets)))
                        return false;
        }
        return true;
    }
}
