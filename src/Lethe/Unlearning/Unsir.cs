using TorchSharp;
using Lethe.Data;
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

    protected override void Unlearn(UnlearningLoop loop, UnsirHyperParameters hyper)
    {
        if (!(hyper.NoiseLr > 0) || hyper.NoiseSteps < 0)
            throw new ArgumentException($"unsir.noiseLr must be positive and unsir.noiseSteps at least 0, got {hyper.NoiseLr} and {hyper.NoiseSteps}");
        // Stage 1, impair: per lockstep pair, noise far from the forget batch's outputs, trained with the retain labels.
        var model = loop.Train(Optimiser.Sgd(hyper.Lr), batchNormTraining: !hyper.BnEvalQuirk);
        var retain = loop.Loader(loop.Context.Retain, "impair/retain");
        var forget = loop.Loader(loop.Context.Forget, "impair/forget");
        var noiseStream = loop.Generator("impair/noise");
        foreach (var (epoch, r, f) in loop.Each(LoopShapes.Lockstep(loop, hyper.ImpairEpochs, retain, forget)))
        {
            using var noise = OptimiseNoise(model, f.Images, hyper, noiseStream);
            loop.Step($"stage 1 epoch {epoch}/{hyper.ImpairEpochs}", () => ImpairLoss(model, loop.Task, noise, r));
        }
        loop.Emit();
        // Stage 2, repair: a fresh SGD fine-tunes on retain.
        loop.Train(Optimiser.Sgd(hyper.Lr), batchNormTraining: !hyper.BnEvalQuirk);
        loop.Fit(LoopShapes.RetainPasses(loop, hyper.RepairEpochs, "repair/retain"),
            epoch => $"stage 2 epoch {epoch}/{hyper.RepairEpochs} retain");
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
