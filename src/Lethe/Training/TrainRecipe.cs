using System.Text.Json.Serialization;

namespace Lethe.Training;

/// <summary>
/// How a base model (Original or Retrained) is trained: plain SGD, batch 64, the training transform (the reference's
/// Base_Models notebooks).
/// The recipe is the one options object of training: it is hashed into the checkpoint cache key and stored beside it.
/// </summary>
/// <param name="Name">A label for reports ("mufac", "mucac-binary/retrained", ...).</param>
/// <param name="LearningRate">The initial learning rate.</param>
/// <param name="Momentum">SGD momentum (0 = none).</param>
/// <param name="Epochs">Passes over the training set; the last epoch's weights are kept.</param>
/// <param name="Milestones">Epochs at which the learning rate is multiplied by <paramref name="Gamma"/>.</param>
/// <param name="Gamma">The step-decay factor.</param>
/// <param name="WeightDecay">L2 weight decay (the reference uses none).</param>
/// <param name="BatchSize">Images per step.</param>
public sealed record TrainRecipe(
    string Name,
    double LearningRate,
    double Momentum,
    int Epochs,
    IReadOnlyList<int> Milestones,
    double Gamma = 0.1,
    double WeightDecay = 0,
    int BatchSize = 64)
{
    /// <summary>
    /// Every epoch repeats the first epoch's order and augmentation, as the reference's MUCAC multi-label notebooks did by
    /// calling set_seed(42) at the start of each epoch of train(). Default false.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] // absent when off, so cached models keep their key
    public bool EpochReseedQuirk { get; init; }

    /// <summary>MUFAC Original and Retrained: SGD 0.01, momentum 0.9, 30 epochs, ×0.1 at 10 and 20.</summary>
    public static TrainRecipe Mufac { get; } = new("mufac", 0.01, 0.9, 30, [10, 20]);

    /// <summary>MUCAC multi-label Original: SGD 0.01, no momentum, 8 epochs, constant.</summary>
    public static TrainRecipe MultiLabelOriginal { get; } = new("mucac-multilabel/original", 0.01, 0, 8, []);

    /// <summary>MUCAC multi-label Retrained: as Original but 7 epochs.</summary>
    public static TrainRecipe MultiLabelRetrained { get; } = MultiLabelOriginal with { Name = "mucac-multilabel/retrained", Epochs = 7 };

    /// <summary>MUCAC binary Original: SGD 0.01, momentum 0.9, 10 epochs, constant.</summary>
    public static TrainRecipe BinaryOriginal { get; } = new("mucac-binary/original", 0.01, 0.9, 10, []);

    /// <summary>MUCAC binary Retrained: SGD 0.001, no momentum, 10 epochs.</summary>
    public static TrainRecipe BinaryRetrained { get; } = new("mucac-binary/retrained", 0.001, 0, 10, []);

    /// <summary>The learning rate in force during <paramref name="epoch"/> (0-based), after step decays.</summary>
    public double LearningRateAt(int epoch) => LearningRate * Math.Pow(Gamma, Milestones.Count(m => epoch >= m));

    /// <summary>A one-line description for tables and logs.</summary>
    public string Describe() =>
        $"SGD lr {LearningRate} momentum {Momentum}, {Epochs} epochs" +
        (Milestones.Count > 0 ? $", ×{Gamma} at {string.Join(",", Milestones)}" : "") +
        (WeightDecay > 0 ? $", wd {WeightDecay}" : "") + $", batch {BatchSize}" +
        (EpochReseedQuirk ? ", every epoch the first one's order (reference quirk)" : "");

    /// <summary>Throws when a value cannot train anything.</summary>
    public void Validate()
    {
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new ArgumentException($"recipe {Name}: learning rate must be > 0, got {LearningRate}");
        if (Momentum is < 0 or >= 1) throw new ArgumentException($"recipe {Name}: momentum must be in [0, 1), got {Momentum}");
        if (Epochs < 1) throw new ArgumentException($"recipe {Name}: epochs must be >= 1, got {Epochs}");
        if (BatchSize < 1) throw new ArgumentException($"recipe {Name}: batch size must be >= 1, got {BatchSize}");
        if (Milestones.Any(m => m < 1 || m >= Epochs)) throw new ArgumentException($"recipe {Name}: milestones must lie in 1..{Epochs - 1}, got {string.Join(",", Milestones)}");
    }
}
