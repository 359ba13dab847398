namespace Lethe.Unlearning;

/// <summary>Advanced NegGrad hyper-parameters: NegGrad's, same defaults (the reference's NegGrad notebooks).</summary>
public sealed record AdvancedNegGradHyperParameters : NegGradHyperParameters;

/// <summary>
/// Advanced NegGrad ("Advanced Grad Asc", "Enhanced NegGrad" in the paper): one SGD step on Loss(retain batch) −
/// Loss(forget batch) per pair, both batches forwarded before the step, as in the reference's NegGrad notebooks.
/// </summary>
public sealed class AdvancedNegGrad() : UnlearningMethod<AdvancedNegGradHyperParameters>("advneggrad", "Advanced Grad Asc")
{
    protected override Optimiser OptimiserFor(AdvancedNegGradHyperParameters hyper) => Optimiser.Sgd(hyper.Lr);

    protected override void Unlearn(UnlearningLoop loop, AdvancedNegGradHyperParameters hyper)
    {
        var model = loop.Train(OptimiserFor(hyper));
        var retain = loop.Loader(loop.Context.Retain, "retain");
        var forget = loop.Loader(loop.Context.Forget, "forget");
        var pairs = LoopShapes.AdvancedNegGrad(loop, hyper.UnifiedLoop, hyper.Epochs, retain, forget);
        foreach (var (epoch, r, f) in loop.Each(pairs))
            loop.Step($"epoch {epoch}/{hyper.Epochs} retain descent, forget ascent",
                () => loop.Task.Loss(model.call(r.Images), r.Targets) - loop.Task.Loss(model.call(f.Images), f.Targets));
    }
}
