using Lethe.Evaluation;

namespace Lethe.Audit.Metrics;

/// <summary>
/// Two pools of models that an audit row compares, as its metrics see them: the "unlearned" pool (a method's models,
/// one half of the Retrained pool, the Originals) against the reference pool, through their stored φ and results.
/// </summary>
/// <param name="Models">Models per pool, as the scores count them (a seedless method's one model counted N times).</param>
/// <param name="Forget">The forget set's scores per image and per identity, computed once for every metric; null when
/// the pools are not scored (<paramref name="Unscored"/> says why).</param>
/// <param name="Unscored">Why the many-model scores do not exist (a model diverged, one Original and no pool), or null.</param>
/// <param name="Retain">φ of both pools on the retain sample, for KLoM; null when not given.</param>
/// <param name="Unseen">φ of both pools on the unseen set, for KLoM; null when not given.</param>
/// <param name="Unlearned">The results of the unlearned pool's distinct models, summarised by the single-model scores
/// (attack, NoMUS, accuracies) and the final score's accuracy ratios.</param>
/// <param name="Retrained">The results of the reference pool's models, the ratios' denominators.</param>
public sealed record AuditComparison(int Models, AuditScores? Forget, string? Unscored, PhiPair? Retain, PhiPair? Unseen,
    IReadOnlyList<ModelEvaluation> Unlearned, IReadOnlyList<ModelEvaluation> Retrained)
{
    /// <summary>Why a comparison built from φ alone has no single-model scores.</summary>
    public const string NoResults = "no model results given, only φ";

    /// <summary>Scores two φ matrices of forget (models × images, same shape); what is not given is missing with the reason.</summary>
    /// <param name="unlearned">φ of the unlearned pool.</param>
    /// <param name="retrained">φ of the reference pool.</param>
    /// <param name="names">Each image's name.</param>
    /// <param name="identities">Each image's identity.</param>
    /// <param name="retain">Both pools' φ on retain, or null.</param>
    /// <param name="unseen">Both pools' φ on unseen, or null.</param>
    /// <param name="unlearnedResults">The unlearned pool's distinct models' results, or null.</param>
    /// <param name="retrainedResults">The reference pool's results, or null.</param>
    /// <param name="auditModels">Models per pool of the audit, when the pools are smaller (the null check's halves);
    /// it decides whether ε and F are reported (<see cref="ForgettingScores.Of"/>).</param>
    /// <returns>The comparison; one whose forget scores fail (<see cref="AuditScores.Of"/>'s errors) is unscored with the message.</returns>
    public static AuditComparison Of(double[,] unlearned, double[,] retrained, IReadOnlyList<string> names, IReadOnlyList<string> identities,
        PhiPair? retain = null, PhiPair? unseen = null,
        IReadOnlyList<ModelEvaluation>? unlearnedResults = null, IReadOnlyList<ModelEvaluation>? retrainedResults = null, int? auditModels = null)
    {
        var (forget, unscored) = ((AuditScores?)null, (string?)null);
        try
        {
            forget = AuditScores.Of(unlearned, retrained, names, identities, auditModels: auditModels);
        }
        catch (ArgumentException e)
        {
            unscored = e.Message;
        }
        return new AuditComparison(unlearned.GetLength(0), forget, unscored, retain, unseen, unlearnedResults ?? [], retrainedResults ?? []);
    }

    /// <summary>Two pools of stored models on the audit's sets: <paramref name="unlearned"/> as the scores count it
    /// (repeats included), <paramref name="summarised"/> for the single-model scores.</summary>
    internal static AuditComparison Of(IReadOnlyList<AuditModel> unlearned, IReadOnlyList<AuditModel> retrained,
        IReadOnlyList<AuditModel> summarised, PhiColumns forget, PhiColumns retain, PhiColumns unseen, int? auditModels = null)
    {
        var results = (summarised.Select(m => m.Result.Evaluation).ToArray(), retrained.Select(m => m.Result.Evaluation).ToArray());
        try
        {
            return Of(forget.Matrix(unlearned), forget.Matrix(retrained), forget.Names, forget.Identities,
                new PhiPair(retain.Matrix(unlearned), retain.Matrix(retrained)), new PhiPair(unseen.Matrix(unlearned), unseen.Matrix(retrained)),
                results.Item1, results.Item2, auditModels);
        }
        catch (ArgumentException e)
        {
            return Unscorable(unlearned.Count, e.Message, results.Item1, results.Item2);
        }
    }

    /// <summary>Pools whose many-model scores do not exist, for <paramref name="why"/>; the single-model ones still do.</summary>
    public static AuditComparison Unscorable(int models, string why, IReadOnlyList<ModelEvaluation> unlearned, IReadOnlyList<ModelEvaluation> retrained) =>
        new(models, null, why, null, null, unlearned, retrained);
}

/// <summary>φ of both pools on one set (models × examples each).</summary>
public sealed record PhiPair(double[,] Unlearned, double[,] Retrained);
