namespace Lethe.Unlearning;

/// <summary>
/// Whether an unlearning method left its model as it started: a typed fact reports read (a model that is its starting
/// model must not be presented as the method's effect), never decoded from the note's text.
/// </summary>
public enum StartingModel
{
    /// <summary>The method changed the model (the normal case).</summary>
    No = 0,

    /// <summary>It was trained but took no optimiser step: the reference's loop shapes skip every batch that is not
    /// full (NegGrad, Advanced NegGrad, UNSIR's impair stage), and the forget set is smaller than one batch.</summary>
    TookNoStep,

    /// <summary>It changed no weight without training (SSD when no weight passes its selection).</summary>
    ChangedNoWeight,
}
