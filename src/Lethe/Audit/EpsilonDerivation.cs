namespace Lethe.Audit;

/// <summary>One example's ε with the choices that led to it, so a report can say why an example scored as it did.</summary>
/// <param name="Epsilon">ε ∈ [0, 50]; 0 is indistinguishable from retraining, 50 is told apart every time.</param>
/// <param name="Route">Range guard, separable, or computed from the surviving rules.</param>
/// <param name="PositiveSide">The side with the larger median φ (unlearned on a tie): one-sided rules predict it for φ ≥ t.</param>
/// <param name="NarrowSide">The side with the smaller φ range, which the window rules predict inside their window.</param>
/// <param name="OneSidedRuleCount">Thresholds in the one-sided grid (0 on the range-guard route).</param>
/// <param name="RightEdgeCount">Right edges of the window grid, each with 400 left edges (0 on the range-guard route).</param>
public sealed record EpsilonDerivation(
    double Epsilon,
    EpsilonRoute Route,
    ModelPool PositiveSide,
    ModelPool NarrowSide,
    int OneSidedRuleCount,
    int RightEdgeCount);
