using TorchSharp;
using Lethe.Data;
using Lethe.Models;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Lethe.Unlearning;

/// <summary>
/// UNSIR's error-maximising noise (Tarun et al. 2023, as the reference runs it): per forget batch, a noise batch that
/// the model maps far from the forget batch's outputs, trained on with the paired retain labels in stage 1 (impair).
/// </summary>
internal static class UnsirNoise
{
    /// <summary>Throws for a noise learning rate that is not positive or a negative number of noise steps.</summary>
    public static void Validate(UnsirHyperParameters hyper)
    {
        if (!(hyper.NoiseLr > 0) || hyper.NoiseSteps < 0)
            throw new ArgumentException($"unsir.noiseLr must be positive and unsir.noiseSteps at least 0, got {hyper.NoiseLr} and {hyper.NoiseSteps}");
    }

    /// <summary>
    /// Steps 1-4 of stage 1: noise N ~ Normal(0, 1) shaped like <paramref name="forgetImages"/> (B×C×H×W), moved by
    /// Adam to maximise MSE(model(N), model(x_f)), then clamped to [0, 1] and detached. Gradients that reach the model
    /// are discarded. When <paramref name="distances"/> is given it receives the MSE before each Adam step.
    /// </summary>
    public static Tensor Optimise(nn.Module<Tensor, Tensor> model, Tensor forgetImages, UnsirHyperParameters hyper,
        Generator noiseStream, IList<double>? distances = null)
    {
        using var start = randn(forgetImages.shape, generator: noiseStream);
        using var noise = nn.Parameter(start.to(forgetImages.device), requires_grad: true);
        using var adam = optim.Adam([noise], hyper.NoiseLr);
        for (int step = 0; step < hyper.NoiseSteps; step++)
        {
            using var scope = NewDisposeScope();
            adam.zero_grad();
            // The target is recomputed every step, as in the reference: in training mode each forward also moves
            // BatchNorm's running statistics.
            Tensor target;
            using (no_grad()) target = model.call(forgetImages);
            var distance = F.mse_loss(model.call(noise), target);
            (-distance).backward();
            adam.step();
            distances?.Add(Scalars.ToDouble(distance));
        }
        model.zero_grad();
        return noise.detach().clamp_(Scalars.Zero, Scalars.One);
    }

    /// <summary>Step 5's batches: the noise labelled with the retain labels, then the retain batch itself.</summary>
    public static IReadOnlyList<(Tensor Images, Tensor Targets)> ImpairBatches(Tensor noise, Batch retain) =>
        [(noise, retain.Targets), (retain.Images, retain.Targets)];

    /// <summary>Step 5's loss: Loss(model(N), y_r) + Loss(model(x_r), y_r).</summary>
    public static Tensor ImpairLoss(nn.Module<Tensor, Tensor> model, PredictionTask task, Tensor noise, Batch retain) =>
        ImpairBatches(noise, retain).Select(b => task.Loss(model.call(b.Images), b.Targets)).Aggregate((a, b) => a.add(b, Scalars.One));
}
