using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lethe.Unlearning;

/// <summary>
/// How a method updates its weights. The reference's six use plain SGD (<c>optim.SGD(params, lr)</c>: no momentum, no
/// weight decay); the newer methods use their papers' optimisers (SGD with momentum and weight decay, Adam).
/// </summary>
public sealed record Optimiser(string Kind, double LearningRate, double Momentum = 0, double WeightDecay = 0)
{
    public static Optimiser Sgd(double learningRate, double momentum = 0, double weightDecay = 0) =>
        new("sgd", learningRate, momentum, weightDecay);

    public static Optimiser Adam(double learningRate) => new("adam", learningRate);

    /// <summary>Throws for a value the optimiser cannot take, naming "<paramref name="method"/>.lr": a method's
    /// <see cref="UnlearningMethod{THyper}.Validate"/> calls it before anything trains, <see cref="Create"/> again.</summary>
    public void Validate(string method)
    {
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
            throw new ArgumentException($"{method}.lr must be a positive number, got {LearningRate}");
        if (Momentum is < 0 or >= 1 || WeightDecay < 0)
            throw new ArgumentException($"{method}: momentum must be in [0, 1) and weight decay at least 0, got {Momentum} and {WeightDecay}");
    }

    /// <summary>The optimiser over <paramref name="parameters"/>; a bad value throws naming "<paramref name="method"/>.lr".</summary>
    internal optim.Optimizer Create(IEnumerable<Parameter> parameters, string method)
    {
        Validate(method);
        return Kind == "adam"
            ? optim.Adam(parameters, LearningRate)
            : optim.SGD(parameters, LearningRate, Momentum, weight_decay: WeightDecay);
    }
}
