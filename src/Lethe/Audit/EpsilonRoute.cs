namespace Lethe.Audit;

/// <summary>How the challenge's scorer reached an example's ε.</summary>
public enum EpsilonRoute
{
    /// <summary>One side's range is under 1% of the other's: ε = 50 with no rule tried (a collapsed, peaky side).</summary>
    RangeGuard,

    /// <summary>Some decision rule tells every unlearned model from every retrained one: ε = 50.</summary>
    Separable,

    /// <summary>The largest ε certified by a rule with non-zero error on both sides (capped at 50).</summary>
    Computed,
}
