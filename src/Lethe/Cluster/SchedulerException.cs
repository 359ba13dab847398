namespace Lethe.Cluster;

/// <summary>A cluster engine's command (sbatch, ...) failed or is missing; the message is one line for the user.</summary>
public sealed class SchedulerException(string message) : Exception(message);
