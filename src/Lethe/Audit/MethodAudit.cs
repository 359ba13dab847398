using Lethe.Audit.Metrics;

namespace Lethe.Audit;

/// <summary>
/// Every many-model score of one unlearned model label (a method, or one stage of UNSIR) in an audit, computed from the
/// stored φ and results alone: the challenge's ε, F and final score, leave-one-out U-LiRA, KLoM on forget, retain and
/// unseen, each per image and per identity; and, for comparison, the single-model population attack and NoMUS over the
/// same models. A score that cannot be computed is missing, with the reason beside it.
/// </summary>
/// <param name="Label">The model label ("SCRUB", "UNSIR Stage 1").</param>
/// <param name="Method">The method key.</param>
/// <param name="DependsOnSeed">False for a method that draws nothing at random (SSD): in fixed-original mode its N models
/// are one model counted N times, so its ε is 50 on every example by construction and its F is 0.</param>
/// <param name="DistinctModels">Models actually made (1 for a seedless method in fixed-original mode, else N).</param>
/// <param name="N">Models per pool the scores compare.</param>
/// <param name="Scores">Every registered score (<see cref="AuditMetricRegistry"/>) of the label's pool against the Retrained
/// pool, by key; one that cannot be computed is missing with the reason.</param>
/// <param name="Identities">Every forget identity's scores, most exposed first.</param>
/// <param name="Images">Every forget image's scores, most exposed first.</param>
/// <param name="Note">Why the many-model scores are missing (and the per-image and per-identity lists empty), or null.</param>
public sealed record MethodAudit(
    string Label, string Method, bool DependsOnSeed, int DistinctModels, int N,
    IReadOnlyDictionary<string, AuditValue> Scores, IReadOnlyList<IdentityScore> Identities, IReadOnlyList<ImageScore> Images, string? Note)
{
    /// <summary>True when every forget person has an ε: not for a diverged label, nor below the N that supports ε.</summary>
    internal bool HasPersonEpsilon => Identities.Count > 0 && Identities.All(i => !double.IsNaN(i.Epsilon));

    /// <summary>Why a label with a diverged model has no many-model scores.</summary>
    public const string Diverged = "a model diverged: its φ is no result, so the many-model scores are not computed";

    /// <summary>Scores one label's N unlearned models against the N retrained ones.</summary>
    internal static MethodAudit Of(string label, string method, bool dependsOnSeed, IReadOnlyList<AuditModel> unlearned,
        IReadOnlyList<AuditModel> retrained, PhiColumns forget, PhiColumns retain, PhiColumns unseen)
    {
        var distinct = unlearned.DistinctBy(m => m.CellId).ToArray();
        var comparison = distinct.Any(m => m.Result.Diverged)
            ? AuditComparison.Unscorable(unlearned.Count, Diverged,
                distinct.Select(m => m.Result.Evaluation).ToArray(), retrained.Select(m => m.Result.Evaluation).ToArray())
            : AuditComparison.Of(unlearned, retrained, distinct, forget, retain, unseen);
        var audit = new MethodAudit(label, method, dependsOnSeed, distinct.Length, unlearned.Count,
            AuditMetricRegistry.MeasureAll(comparison), [], [], comparison.Unscored);
        if (comparison.Forget is not { PerImage: var image } scores) return audit;
        return audit with
        {
            Identities = IdentityScores(scores),
            Images = Enumerable.Range(0, image.Names.Count)
                .Select(i => new ImageScore(image.Names[i], forget.Identities[i], image.EpsilonOf(i), image.ULiraAucOf(i), image.Klom[i]))
                .OrderByDescending(s => s.Epsilon).ThenByDescending(s => s.ULiraAuc).ThenBy(s => s.Name, StringComparer.Ordinal).ToArray(),
        };
    }

    private static IdentityScore[] IdentityScores(AuditScores scores)
    {
        var (image, identity, groups) = (scores.PerImage, scores.PerIdentity, scores.Groups);
        return Enumerable.Range(0, identity.Names.Count)
            .Select(k => new IdentityScore(identity.Names[k], groups.ImagesOf(k), identity.EpsilonOf(k), identity.ULiraAucOf(k),
                identity.Klom[k], groups.ColumnsOf(k).Max(image.EpsilonOf)))
            .OrderByDescending(s => s.Epsilon).ThenByDescending(s => s.ULiraAuc).ThenBy(s => s.Identity, StringComparer.Ordinal).ToArray();
    }
}
