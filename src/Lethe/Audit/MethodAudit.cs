using Lethe.Reports;
using Lethe.Numerics;

namespace Lethe.Audit;

/// <summary>
/// Every many-model score of one unlearned model label (a method, or one stage of UNSIR) in an audit, computed from the
/// stored φ and results alone: the challenge's ε, F and final score, leave-one-out U-LiRA, KLoM on forget, retain and
/// unseen, each per image and per identity; and, for comparison, the single-model population attack and NoMUS over the
/// same models. A score that cannot be computed is null, with the reason in <see cref="Note"/>.
/// </summary>
/// <param name="Label">The model label ("SCRUB", "UNSIR Stage 1").</param>
/// <param name="Method">The method key.</param>
/// <param name="DependsOnSeed">False for a method that draws nothing at random (SSD): in fixed-original mode its N models
/// are one model counted N times, so its ε is 50 on every example by construction and its F is 0.</param>
/// <param name="DistinctModels">Models actually made (1 for a seedless method in fixed-original mode, else N).</param>
/// <param name="N">Models per pool the scores compare.</param>
/// <param name="ForgettingQuality">The challenge's F over forget images, with a bootstrap interval over images.</param>
/// <param name="Epsilon">Mean ε over forget images with its bootstrap interval.</param>
/// <param name="IdentityForgettingQuality">F over forget identities (each on its mean φ).</param>
/// <param name="IdentityEpsilon">Mean ε over forget identities with its bootstrap interval.</param>
/// <param name="Final">The challenge's final score: F × retain-accuracy ratio × test-accuracy ratio.</param>
/// <param name="ULira">Leave-one-out U-LiRA pooled over models and forget images.</param>
/// <param name="IdentityULira">The same on identities' mean φ.</param>
/// <param name="KlomForget">KLoM's 95th percentile over forget images (nats).</param>
/// <param name="KlomRetain">… over retain images.</param>
/// <param name="KlomUnseen">… over unseen images.</param>
/// <param name="IdentityKlomForget">KLoM's 95th percentile over forget identities.</param>
/// <param name="PopulationAttack">The reference's attack accuracy over the method's models (mean ± 95% CI).</param>
/// <param name="Nomus">NoMUS over the method's models.</param>
/// <param name="TestAccuracy">Test accuracy over the method's models.</param>
/// <param name="RetainAccuracy">Retain accuracy over the method's models.</param>
/// <param name="ForgetAccuracy">Forget accuracy over the method's models.</param>
/// <param name="Identities">Every forget identity's scores, most exposed first.</param>
/// <param name="Images">Every forget image's scores, most exposed first.</param>
/// <param name="Note">Why a score is missing, or null.</param>
public sealed record MethodAudit(
    string Label, string Method, bool DependsOnSeed, int DistinctModels, int N,
    BootstrapInterval? ForgettingQuality, BootstrapInterval? Epsilon,
    BootstrapInterval? IdentityForgettingQuality, BootstrapInterval? IdentityEpsilon,
    ChallengeScore? Final, AttackMetrics? ULira, AttackMetrics? IdentityULira,
    double? KlomForget, double? KlomRetain, double? KlomUnseen, double? IdentityKlomForget,
    ConfidenceInterval? PopulationAttack, ConfidenceInterval? Nomus,
    ConfidenceInterval? TestAccuracy, ConfidenceInterval? RetainAccuracy, ConfidenceInterval? ForgetAccuracy,
    IReadOnlyList<IdentityScore> Identities, IReadOnlyList<ImageScore> Images, string? Note)
{
    /// <summary>Scores one label's N unlearned models against the N retrained ones.</summary>
    internal static MethodAudit Of(string label, string method, bool dependsOnSeed, IReadOnlyList<AuditModel> unlearned,
        IReadOnlyList<AuditModel> retrained, PhiColumns forget, PhiColumns retain, PhiColumns unseen)
    {
        var distinct = unlearned.DistinctBy(m => m.CellId).ToArray();
        ConfidenceInterval? Over(Func<Evaluation.ModelEvaluation, double> metric) =>
            ConfidenceInterval.Of(distinct.Select(m => metric(m.Result.Evaluation)));
        var empty = new MethodAudit(label, method, dependsOnSeed, distinct.Length, unlearned.Count,
            null, null, null, null, null, null, null, null, null, null, null,
            Over(e => e.AttackAccuracy), Over(e => e.Nomus), Over(e => e.TestAccuracy), Over(e => e.RetainAccuracy),
            Over(e => e.ForgetAccuracy), [], [], null);
        if (distinct.Any(m => m.Result.Diverged))
            return empty with { Note = "a model diverged: its φ is no result, so the many-model scores are not computed" };
        try
        {
            var (u, r) = (forget.Matrix(unlearned), forget.Matrix(retrained));
            var scores = AuditScores.Of(u, r, forget.Names, forget.Identities);
            var (image, identity) = (scores.PerImage, scores.PerIdentity);
            var imagePoints = image.Epsilon.Select(d => ForgettingQualityPoints(d.Epsilon, unlearned.Count)).ToArray();
            var identityPoints = identity.Epsilon.Select(d => ForgettingQualityPoints(d.Epsilon, unlearned.Count)).ToArray();
            var final = ChallengeScore.Of(image.ForgettingQuality,
                distinct.Select(m => m.Result.Evaluation.RetainAccuracy).ToArray(), distinct.Select(m => m.Result.Evaluation.TestAccuracy).ToArray(),
                retrained.Select(m => m.Result.Evaluation.RetainAccuracy).ToArray(), retrained.Select(m => m.Result.Evaluation.TestAccuracy).ToArray());
            return empty with
            {
                ForgettingQuality = BootstrapInterval.OfMean(imagePoints),
                Epsilon = BootstrapInterval.OfMean(image.Epsilon.Select(d => d.Epsilon).ToArray()),
                IdentityForgettingQuality = BootstrapInterval.OfMean(identityPoints),
                IdentityEpsilon = BootstrapInterval.OfMean(identity.Epsilon.Select(d => d.Epsilon).ToArray()),
                Final = final,
                ULira = image.ULira.Pooled,
                IdentityULira = identity.ULira.Pooled,
                KlomForget = image.KlomP95,
                KlomRetain = Klom.Summary(Klom.PerExample(retain.Matrix(unlearned), retain.Matrix(retrained))),
                KlomUnseen = Klom.Summary(Klom.PerExample(unseen.Matrix(unlearned), unseen.Matrix(retrained))),
                IdentityKlomForget = identity.KlomP95,
                Identities = IdentityScores(scores),
                Images = Enumerable.Range(0, image.Names.Count)
                    .Select(i => new ImageScore(image.Names[i], forget.Identities[i], image.Epsilon[i].Epsilon, image.ULira.PerExampleAuc[i], image.Klom[i]))
                    .OrderByDescending(s => s.Epsilon).ThenByDescending(s => s.ULiraAuc).ThenBy(s => s.Name, StringComparer.Ordinal).ToArray(),
            };
        }
        catch (ArgumentException e)
        {
            return empty with { Note = e.Message };
        }
    }

    private static double ForgettingQualityPoints(double epsilon, int models) => Audit.ForgettingQuality.Points(epsilon, models);

    private static IdentityScore[] IdentityScores(AuditScores scores)
    {
        var (image, identity, groups) = (scores.PerImage, scores.PerIdentity, scores.Groups);
        return Enumerable.Range(0, identity.Names.Count)
            .Select(k => new IdentityScore(identity.Names[k], groups.ImagesOf(k), identity.Epsilon[k].Epsilon, identity.ULira.PerExampleAuc[k],
                identity.Klom[k], groups.ColumnsOf(k).Max(i => image.Epsilon[i].Epsilon)))
            .OrderByDescending(s => s.Epsilon).ThenByDescending(s => s.ULiraAuc).ThenBy(s => s.Identity, StringComparer.Ordinal).ToArray();
    }
}
