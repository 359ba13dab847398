using Lethe.Training;

namespace Lethe.Experiments;

/// <summary>What the runner tells its observer (the CLI renders it; the library never writes to the console).</summary>
/// <param name="Stage">The model the event is about ("Original", "SCRUB", ...), or "data".</param>
/// <param name="Message">What is happening; for unlearning steps, the method's own stage ("epoch 1/2 retain").</param>
/// <param name="Step">An unlearning method's optimiser step, with its <paramref name="Loss"/>.</param>
public sealed record RunEvent(string Stage, string Message, TrainProgress? Training = null, bool StageDone = false,
    int? Step = null, double? Loss = null);
