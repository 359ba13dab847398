namespace Lethe.Unlearning;

/// <summary>NegGrad hyper-parameters (the reference's NegGrad notebooks); Advanced NegGrad extends them.</summary>
public record NegGradHyperParameters
{
    /// <summary>SGD learning rate. Default 0.001.</summary>
    public double Lr { get; init; } = 0.001;

    /// <summary>Epochs of the loop shape. Default 2.</summary>
    public int Epochs { get; init; } = 2;

    /// <summary>
    /// Use one loop shape for every variant instead of the reference's per-variant shapes: an epoch is one pass over
    /// the forget set, full batches only (paired in lockstep with retain batches where the method needs them).
    /// Default false.
    /// </summary>
    public bool UnifiedLoop { get; init; }
}

/// <summary>
/// NegGrad ("Grad Asc"): gradient ascent on the forget set, one SGD step on −Loss(forget batch) per iteration (the
/// reference's NegGrad notebooks, "Negative Gradient Ascent"). The loss is unbounded and diverges quickly; divergence
/// is recorded, not thrown.
/// </summary>
public sealed class NegGrad() : UnlearningMethod<NegGradHyperParameters>("neggrad", "Grad Asc")
{
    protected override Optimiser OptimiserFor(NegGradHyperParameters hyper) => Optimiser.Sgd(hyper.Lr);

    protected override void Unlearn(UnlearningLoop loop, NegGradHyperParameters hyper)
    {
        var model = loop.Train(OptimiserFor(hyper));
        var forget = loop.Loader(loop.Context.Forget, "forget");
        foreach (var (epoch, batch) in loop.Each(LoopShapes.NegGrad(loop, hyper.UnifiedLoop, hyper.Epochs, forget)))
            loop.Step($"epoch {epoch}/{hyper.Epochs} forget ascent", () => -loop.Task.Loss(model.call(batch.Images), batch.Targets));
    }
}
