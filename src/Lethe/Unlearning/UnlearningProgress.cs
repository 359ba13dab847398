namespace Lethe.Unlearning;

/// <summary>One optimiser step of an unlearning method, as reported through <see cref="UnlearningContext.Progress"/>.</summary>
/// <param name="Method">The method's key ("scrub").</param>
/// <param name="Stage">What the method is doing ("epoch 1/2 max phase").</param>
/// <param name="Step">Optimiser steps taken so far by the method, this one included.</param>
/// <param name="Loss">The loss of this step (the quantity the optimiser descended).</param>
public sealed record UnlearningProgress(string Method, string Stage, int Step, double Loss);
