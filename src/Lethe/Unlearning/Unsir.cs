using TorchSharp;
using Lethe.Data;
using Lethe.Experiments;
using Lethe.Models;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Lethe.Unlearning;

/// <summary>UNSIR hyper-parameters (spec §8.6).</summary>
public sealed record UnsirHyperParameters
{
    /// <summary>SGD learning rate of both stages. Default 0.001.</summary>
    public double Lr { get; init; } = 0.001;

    /// <summary>Epochs of stage 1 (impair). Default 2.</summary>
    public int ImpairEpochs { get; init; } = 2;

    /// <summary>Epochs of stage 2 (repair: fine-tuning on retain). Default 1.</summary>
    public int RepairEpochs { get; init; } = 1;

    /// <summary>Adam learning rate of the noise. Default 0.01.</summary>
    public double NoiseLr { get; init; } = 0.01;

    /// <summary>Adam steps on each noise batch. Default 5.</summary>
    public int NoiseSteps { get; init; } = 5;

    /// <summary>Run both stages with BatchNorm in evaluation mode, as the reference's MUFAC notebook accidentally did. Default false.</summary>
    public bool BnEvalQuirk { get; init; }
}

/// <summary>
/// UNSIR: stage 1 ("UNSIR Stage 1") learns, per forget batch, a noise batch whose outputs are far from the forget
/// batch's, and trains on it labelled with the paired retain labels plus the retain batch; stage 2 ("UNSIR Stage 2")
/// repairs by fine-tuning on retain (spec §8.6).
/// </summary>
public sealed class Unsir : UnlearningMethod<UnsirHyperParameters>
{
    public override string Key => "unsir";

    public override IReadOnlyList<string> LabelsFor(UnsirHyperParameters hyperParameters) => ["UNSIR Stage 1", "UNSIR Stage 2"];

    public override UnsirHyperParameters Defaults(UnlearningVariant variant) => new();

    public override IReadOnlyList<UnlearnedModel> Run(UnlearningContext context, UnsirHyperParameters hyper)
    {
        if (!(hyper.NoiseLr > 0) || hyper.NoiseSteps < 0)
            throw new ArgumentException($"unsir.noiseLr must be positive and unsir.noiseSteps at least 0, got {hyper.NoiseLr} and {hyper.NoiseSteps}");
        var start = context.Time.GetTimestamp();
        var model = context.CopyOriginal();
        model.train(!hyper.BnEvalQuirk);
        UnlearnedModel impaired;
        int impairSteps;
        using (var steps = new TrainingSteps(context, Key, model, model.parameters(), hyper.Lr))
        {
            Impair(context, steps, model, hyper);
            steps.Finish();
            impairSteps = steps.Steps;
            impaired = Result("UNSIR Stage 1", model, context, start, steps);
        }
        // Stage 1's model is reported as it is, so stage 2 trains on a copy.
        impaired = impaired with { Model = Networks.Copy(model, context.Architecture, context.Task.Outputs, context.Device) };
        var note = impaired.Diverged ? $"continues from a stage 1 that diverged at step {impaired.DivergedAtStep}" : null;
        using var repair = new TrainingSteps(context, Key, model, model.parameters(), hyper.Lr, impairSteps);
        FineTune.Train(repair, model, context.Task, context.TrainLoader(context.Retain, Stream("repair/retain")),
            hyper.RepairEpochs, "stage 2 ");
        repair.Finish();
        return [impaired, Result("UNSIR Stage 2", model, context, start, repair, note)];
    }

    private void Impair(UnlearningContext context, TrainingSteps steps, nn.Module<Tensor, Tensor> model,
        UnsirHyperParameters hyper)
    {
        var retainLoader = context.TrainLoader(context.Retain, Stream("impair/retain"));
        var forgetLoader = context.TrainLoader(context.Forget, Stream("impair/forget"));
        using var noiseStream = Seeds.Generator(context.Seed, Stream("impair/noise"));
        for (int epoch = 1; epoch <= hyper.ImpairEpochs; epoch++)
        {
            steps.Stage = $"stage 1 epoch {epoch}/{hyper.ImpairEpochs}";
            var pairs = BatchPairing.Lockstep(retainLoader.Epoch(), forgetLoader.Epoch(), context.BatchSize,
                Sizing.Batches, Sizing.Batches);
            foreach (var (retain, forget) in pairs)
                using (retain)
                using (forget)
                {
                    using var noise = OptimiseNoise(model, forget.Images, hyper, noiseStream);
                    if (!steps.Step(() => ImpairLoss(model, context.Task, noise, retain))) return;
                }
        }
    }

    /// <summary>
    /// Steps 1-4 of stage 1: noise N ~ Normal(0, 1) shaped like the forget batch, moved by Adam to maximise
    /// MSE(model(N), model(x_f)), then clamped to [0, 1] and detached. Gradients that reach the model are discarded.
    /// When <paramref name="distances"/> is given it receives the MSE before each Adam step.
    /// </summary>
    internal static Tensor OptimiseNoise(nn.Module<Tensor, Tensor> model, Tensor forgetImages,
        UnsirHyperParameters hyper, Generator noiseStream, IList<double>? distances = null)
    {
        var shape = forgetImages.shape;
        using var start = randn(shape, generator: noiseStream);
        using var noise = nn.Parameter(start.to(forgetImages.device), requires_grad: true);
        using var adam = optim.Adam([noise], hyper.NoiseLr);
        for (int step = 0; step < hyper.NoiseSteps; step++)
        {
            using var scope = NewDisposeScope();
            adam.zero_grad();
            Tensor target;
            using (no_grad()) target = model.call(forgetImages);
            var distance = F.mse_loss(model.call(noise), target);
            (-distance).backward();
            adam.step();
            distances?.Add(distance.ToDouble());
        }
        model.zero_grad();
        return noise.detach().clamp_(0, 1);
    }

    /// <summary>Step 5's batches: the noise labelled with the retain labels, then the retain batch itself.</summary>
    internal static IReadOnlyList<(Tensor Images, Tensor Targets)> ImpairBatches(Tensor noise, Batch retain) =>
        [(noise, retain.Targets), (retain.Images, retain.Targets)];

    internal static Tensor ImpairLoss(nn.Module<Tensor, Tensor> model, PredictionTask task, Tensor noise, Batch retain) =>
        ImpairBatches(noise, retain).Select(b => task.Loss(model.call(b.Images), b.Targets)).Aggregate((a, b) => a + b);
}
