using Lethe.Evaluation;

namespace Lethe.Audit;

/// <summary>
/// The per-person membership test (<see cref="PersonMembership"/>) of every model of one audit label against the
/// audit's Retrained pool: how many forget people each model exposes at q ≤ α, and how many unseen people (the control,
/// which nobody trained on) it flags. The null row judges each Retrained model against the others (leave one out), so
/// the share it flags is the test's own false-positive level at this N.
/// </summary>
/// <param name="Label">"Retrained (null)", "Original", or the method's label.</param>
/// <param name="Models">Models tested (those the test could run on).</param>
/// <param name="PoolSize">Retrained models each was judged against.</param>
/// <param name="ForgetExposedShare">Mean over the models of the share of forget people exposed; null when none ran.</param>
/// <param name="UnseenExposedShare">The same for unseen people: near α or below when the test is calibrated.</param>
/// <param name="People">Each forget person with how many of the models expose them, most exposed first.</param>
/// <param name="Note">Why the test did not run on some or all models, or null.</param>
public sealed record LabelPersonVerdicts(string Label, int Models, int PoolSize, double? ForgetExposedShare, double? UnseenExposedShare,
    IReadOnlyList<PersonExposure> People, string? Note)
{
    /// <summary>Tests each of <paramref name="models"/> against <paramref name="pool"/> (leaving out a model that is
    /// itself in the pool, so a Retrained model is never judged against itself).</summary>
    internal static LabelPersonVerdicts Of(string label, IReadOnlyList<AuditModel> models, IReadOnlyList<AuditModel> pool,
        PhiColumns forget, PhiColumns unseen)
    {
        var results = new List<PersonMembershipResult>();
        string? note = null;
        var poolSize = 0;
        // The whole pool's φ matrices, read once: only a model that is itself in the pool (the null row) needs its own.
        var whole = (Forget: forget.Matrix(pool), Unseen: unseen.Matrix(pool));
        foreach (var model in models.DistinctBy(m => (m.CellId, m.Label)))
        {
            var others = pool.Where(p => (p.CellId, p.Label) != (model.CellId, model.Label)).ToArray();
            poolSize = others.Length;
            var matrices = others.Length == pool.Count ? whole : (Forget: forget.Matrix(others), Unseen: unseen.Matrix(others));
            try
            {
                results.Add(PersonMembership.Test(PhiOf(forget, model, matrices.Forget), PhiOf(unseen, model, matrices.Unseen)));
            }
            catch (ArgumentException e)
            {
                note ??= $"{model.CellName}: {e.Message}";
            }
        }
        var people = results.SelectMany(r => r.Forget).GroupBy(p => p.Identity)
            .Select(g => new PersonExposure(g.Key, g.Count(p => p.Verdict == PersonVerdict.Exposed), g.Count(), g.Average(p => p.CorrectedEffect)))
            .OrderByDescending(p => p.ExposedIn).ThenByDescending(p => p.MeanEffect).ToArray();
        return new LabelPersonVerdicts(label, results.Count, poolSize,
            results.Count == 0 ? null : results.Average(r => r.ForgetSummary.ExposedShare),
            results.Count == 0 ? null : results.Average(r => r.UnseenSummary.ExposedShare),
            people, note);
    }

    private static PeoplePhi PhiOf(PhiColumns columns, AuditModel model, double[,] pool) => columns.People(pool, NamedPhi.Of(model));
}

/// <summary>One forget person across a label's models.</summary>
/// <param name="Identity">The person.</param>
/// <param name="ExposedIn">Models that expose them (q ≤ α).</param>
/// <param name="Of">Models tested.</param>
/// <param name="MeanEffect">Their mean shift-corrected effect over the models (unseen-person SDs above the population).</param>
public sealed record PersonExposure(string Identity, int ExposedIn, int Of, double MeanEffect);
