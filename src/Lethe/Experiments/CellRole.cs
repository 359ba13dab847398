namespace Lethe.Experiments;

/// <summary>What a cell of a plan makes.</summary>
public enum CellRole
{
    /// <summary>An Original: trained on forget + retain with the cell's seed; its weights are kept for the methods.</summary>
    Original,

    /// <summary>A Retrained model: trained on retain only with the cell's seed (the reference of what forgetting looks like).</summary>
    Retrained,

    /// <summary>One unlearning method run on one Original with the cell's seed.</summary>
    Unlearned,

    /// <summary>The scores of the whole plan, from the stored φ of every model cell (no model is run).</summary>
    Score,
}
