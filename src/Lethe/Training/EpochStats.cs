using System.Text.Json.Serialization;

namespace Lethe.Training;

/// <summary>What one training epoch did: mean loss, accuracy on the augmented batches, throughput.</summary>
public sealed record EpochStats(int Epoch, double LearningRate, double Loss, double Accuracy, int Images, TimeSpan Elapsed)
{
    public double ImagesPerSecond => Elapsed.TotalSeconds > 0 ? Images / Elapsed.TotalSeconds : 0;

    /// <summary>The process's resident memory at the end of the epoch, in MiB (0 in results stored before it was kept).</summary>
    public double ResidentMiB { get; init; }

    /// <summary>Set on the epoch in which training diverged and stopped (the last one); absent from the JSON otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Divergence? Divergence { get; init; }
}

/// <summary>Progress inside an epoch, for progress bars: step k of n, the running loss and accuracy.</summary>
public sealed record TrainProgress(string Model, int Epoch, int Epochs, int Step, int Steps, double Loss, double Accuracy, double ImagesPerSecond)
{
    /// <summary>The process's resident memory in MiB, given on the last step of an epoch (0 on the others).</summary>
    public double ResidentMiB { get; init; }
}
