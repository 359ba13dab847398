namespace Lethe.Audit;

/// <summary>What the per-person test says of one person.</summary>
public enum PersonVerdict
{
    /// <summary>"not shown exposed": q above α. Not a proof of forgetting: the test may lack the power to see it.</summary>
    NotShownExposed,

    /// <summary>"exposed": q ≤ α, the model is more member-like on this person than on people nobody trained on.</summary>
    Exposed,
}
