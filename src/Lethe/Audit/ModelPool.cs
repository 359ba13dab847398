namespace Lethe.Audit;

/// <summary>Which pool of models a φ sample comes from.</summary>
public enum ModelPool
{
    /// <summary>Models unlearned from an Original that saw the forget set.</summary>
    Unlearned,

    /// <summary>Models retrained without the forget set (the reference, "oracle", of what forgetting looks like).</summary>
    Retrained,
}
