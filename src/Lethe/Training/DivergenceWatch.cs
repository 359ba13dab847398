using static TorchSharp.torch;

namespace Lethe.Training;

/// <summary>
/// Notices when training has left the finite numbers. The loss is checked at every step (it is read anyway); the
/// weights, which cost a pass over all parameters, only every <see cref="WeightCheckInterval"/> steps and at the end.
/// </summary>
internal sealed class DivergenceWatch(nn.Module model, int weightCheckInterval = 20)
{
    public int WeightCheckInterval { get; } = weightCheckInterval;

    public static bool LossIsFinite(double loss) => double.IsFinite(loss);

    public bool WeightsDueAt(int step) => step % WeightCheckInterval == 0;

    /// <summary>True when every floating-point parameter and buffer (BN running statistics) is finite.</summary>
    public bool WeightsAreFinite()
    {
        using var scope = NewDisposeScope();
        foreach (var tensor in model.parameters().Cast<Tensor>().Concat(model.buffers()))
            if (tensor.is_floating_point() && !tensor.isfinite().all().item<bool>())
                return false;
        return true;
    }
}
