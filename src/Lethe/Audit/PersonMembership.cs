using Lethe.Evaluation;

namespace Lethe.Audit;

/// <summary>
/// Did this one model forget this person? For each forget person, whether the model's φ on their photos is what models
/// that never saw them show, judged offline against a pool of K retrained models (none trained on the forget people),
/// in the manner of offline LiRA and RMIA (issue 22). Unseen people, whom nobody trained on, get the same test as the
/// control.
/// </summary>
/// <remarks>
/// <para><b>1. Per image.</b> The model's φ is scored against the pool's K φ on that image (<see cref="ImageScoreKind"/>): the
/// Gaussian z = (φ_M − mean)/sd for K ≥ 8, the sd floored at a quarter of the median pool sd; below that a standardised
/// rank, exact whatever φ's distribution (<see cref="PersonMembershipOptions"/> says why 8 and why the floor).</para>
/// <para><b>2. Per person.</b> T = the mean score over the person's photos. A person's photos are correlated (one face,
/// one model's view of it), so combining their p-values as if independent (Fisher's method over images) would count one
/// piece of evidence n times and flag people who are merely unusual. The mean makes no claim of independence: its null
/// distribution is measured on whole people (step 3), and people, not photos, are the independent units.</para>
/// <para><b>3. Against the model's own shift.</b> T is judged against the T of unseen people under the same model
/// (<see cref="UnseenPopulation"/>: a person effect plus photo noise, so that people with different photo counts are
/// judged each with their own spread, and Student's t for the estimated mean and spread). A model more confident than
/// the pool on every face raises unseen and forget T alike and flags nobody for it. Each unseen person is judged
/// leave-one-out, against the others.</para>
/// <para><b>4. Across people.</b> Benjamini–Hochberg q-values, separately for forget and unseen people; "exposed" at
/// q ≤ α. The test is valid when forget and unseen people are alike for a model that saw neither (chosen at random from
/// one population); it has no way to tell membership from a forget set that is easier or harder than the unseen one.</para>
/// </remarks>
public static class PersonMembership
{
    /// <summary>Runs the test of one model.</summary>
    /// <param name="forget">The forget people's φ: the pool's and the model's.</param>
    /// <param name="unseen">The φ of people nobody trained on (unseen, or test people), from the same pool and model;
    /// at least 3 people, since each is judged against the others.</param>
    /// <param name="options">The settings; <see cref="PersonMembershipOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">A pool of fewer than 2 models, pools of different sizes, counts that disagree,
    /// a φ that is not finite, fewer than 3 unseen people, a person in both sets, or bad options.</exception>
    public static PersonMembershipResult Test(PeoplePhi forget, PeoplePhi unseen, PersonMembershipOptions? options = null)
    {
        options ??= PersonMembershipOptions.Default;
        options.Validate();
        var poolSize = RequirePool(forget, unseen);
        forget.Validate(PhiSets.Forget);
        unseen.Validate(PhiSets.Unseen);

        var scorer = new ImageScorer([forget, unseen], poolSize, options);
        var forgetPeople = PersonStatistic.Of(forget, scorer);
        var unseenPeople = PersonStatistic.Of(unseen, scorer);
        RequireDisjoint(forgetPeople, unseenPeople, unseenPeople.Length);

        var population = UnseenPopulation.Fit(unseenPeople);
        var forgetJudged = forgetPeople.Select(p => population.Judge(p.Statistic, p.Photos)).ToArray();
        var unseenJudged = unseenPeople
            .Select((p, j) => UnseenPopulation.Fit(unseenPeople.Where((_, k) => k != j).ToArray()).Judge(p.Statistic, p.Photos))
            .ToArray();

        var forgetResults = Results(PhiSets.Forget, forgetPeople, forgetJudged, options.Alpha);
        var unseenResults = Results(PhiSets.Unseen, unseenPeople, unseenJudged, options.Alpha);
        return new PersonMembershipResult(poolSize, scorer.Kind, scorer.SdFloor, population, forgetResults, unseenResults,
            PersonSetSummary.Of(PhiSets.Forget, forgetResults), PersonSetSummary.Of(PhiSets.Unseen, unseenResults), options);
    }

    private static PersonResult[] Results(string set, PersonStatistic[] people, (double Effect, double P)[] judged, double alpha)
    {
        var q = BenjaminiHochberg.QValues(judged.Select(j => j.P).ToArray());
        return people.Select((p, i) => new PersonResult(p.Identity, set, p.Photos, p.MeanZ, p.Statistic, judged[i].Effect,
            judged[i].P, q[i], q[i] <= alpha ? PersonVerdict.Exposed : PersonVerdict.NotShownExposed)).ToArray();
    }

    private static int RequirePool(PeoplePhi forget, PeoplePhi unseen)
    {
        var k = forget.Pool.GetLength(0);
        if (k < 2)
            throw new ArgumentException(
                $"A pool of {k} model{(k == 1 ? "" : "s")} has no spread (K = {k}): the per-person test needs at least 2 retrained models.",
                nameof(forget));
        if (unseen.Pool.GetLength(0) != k)
            throw new ArgumentException(
                $"The forget pool has {k} models but the unseen pool {unseen.Pool.GetLength(0)}; both sets are scored by the same pool.",
                nameof(unseen));
        return k;
    }

    private static void RequireDisjoint(PersonStatistic[] forget, PersonStatistic[] unseen, int unseenPeople)
    {
        if (unseenPeople < 3)
            throw new ArgumentException(
                $"The unseen set has {unseenPeople} people; the shift calibration needs at least 3 (each is judged against the others).",
                nameof(unseen));
        var both = forget.Select(p => p.Identity).Intersect(unseen.Select(p => p.Identity), StringComparer.Ordinal).FirstOrDefault();
        if (both is not null)
            throw new ArgumentException($"'{both}' is both a forget and an unseen person; nobody can be both.", nameof(unseen));
    }
}
