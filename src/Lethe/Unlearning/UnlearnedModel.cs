using static TorchSharp.torch;

namespace Lethe.Unlearning;

/// <summary>
/// One model an unlearning method produced, with the label of its report column. Methods with stages (UNSIR) return
/// one per stage.
/// </summary>
/// <param name="Label">The report label ("Fine-tuning", "CF-3", "UNSIR Stage 1", ...).</param>
/// <param name="Model">The unlearned network, on the context's device. The caller owns and disposes it.</param>
/// <param name="Elapsed">The method's own wall clock from its start up to the end of this stage (UNSIR Stage 2
/// includes Stage 1).</param>
/// <param name="Steps">Optimiser steps taken to reach this model (cumulative over stages).</param>
/// <param name="Diverged">The loss or the weights became non-finite, and the method stopped early.</param>
/// <param name="DivergedAtStep">The 1-based step at which divergence was detected (see <see cref="Note"/>).</param>
/// <param name="Note">Why the run stopped or what it inherited, for the report; null when nothing is worth saying.</param>
/// <param name="Unchanged">Whether the method left the model as it started, and how (the note says why in words).</param>
public sealed record UnlearnedModel(
    string Label,
    nn.Module<Tensor, Tensor> Model,
    TimeSpan Elapsed,
    int Steps,
    bool Diverged = false,
    int? DivergedAtStep = null,
    string? Note = null,
    StartingModel Unchanged = StartingModel.No);
