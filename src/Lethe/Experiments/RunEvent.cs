using Lethe.Training;

namespace Lethe.Experiments;

/// <summary>What the runner tells its observer (the CLI renders it; the library never writes to the console).</summary>
public sealed record RunEvent(string Stage, string Message, TrainProgress? Training = null, bool StageDone = false);
