using System.Globalization;
using System.Text.Json.Serialization;

namespace Lethe.Evaluation;

/// <summary>
/// How many member (forget) and non-member (unseen) rows the attack used, out of how many it was given, and which side
/// was subsampled. With unequal classes a logistic regression can score the majority share by always answering the
/// larger class, so A = 0.5 means "cannot tell" only when the two sides are (nearly) equal.
/// </summary>
/// <param name="ForgetAvailable">Forget losses given to the attack.</param>
/// <param name="UnseenAvailable">Unseen losses given to the attack.</param>
/// <param name="ForgetUsed">Member rows the attack used.</param>
/// <param name="UnseenUsed">Non-member rows the attack used.</param>
/// <param name="Subsampled">Which side was cut at random to reach these sizes.</param>
public sealed record AttackBalance(int ForgetAvailable, int UnseenAvailable, int ForgetUsed, int UnseenUsed, SubsampledSide Subsampled)
{
    /// <summary>The number of rows on the smaller side: what decides how noisy the attack's accuracy is.</summary>
    [JsonIgnore]
    public int SmallerSide => Math.Min(ForgetUsed, UnseenUsed);

    /// <summary>
    /// The accuracy of an attacker that always answers the larger class, max(f, u)/(f + u): the score the attack reaches
    /// with no signal at all. 0.5 for balanced sets; MUFAC's 1,500 vs 1,504 gives 0.5007.
    /// </summary>
    [JsonIgnore]
    public double MajorityShare => (double)Math.Max(ForgetUsed, UnseenUsed) / (ForgetUsed + UnseenUsed);

    /// <summary>How these sizes came about, for reports and the run log ("unseen cut at random from 525 to the forget count").</summary>
    /// <param name="tolerance">The tolerance the plan used (see <see cref="Plan"/>).</param>
    public string Describe(double tolerance) => Subsampled switch
    {
        SubsampledSide.Unseen => $"unseen cut at random from {UnseenAvailable} to the forget count",
        SubsampledSide.Forget => $"forget cut at random from {ForgetAvailable} to the unseen count, as in the reference",
        _ when ForgetUsed == UnseenUsed => "equal sets, nothing cut",
        _ => $"used whole, as in the reference: unseen is within {(tolerance * 100).ToString("0.##", CultureInfo.InvariantCulture)}% of forget",
    };

    /// <summary>"5 forget vs 5 unseen losses per model (unseen cut at random from 525 to the forget count)": what the run
    /// and `lethe datasets check` say before anything trains.</summary>
    public string Line(double tolerance) => $"{ForgetUsed} forget vs {UnseenUsed} unseen losses per model ({Describe(tolerance)})";

    /// <summary>
    /// The sizes the attack uses for these set sizes (the reference's <c>cal_mia()</c>, extended): when forget ≥
    /// unseen, forget is cut to |unseen| (the reference); when unseen exceeds forget by at most
    /// <paramref name="tolerance"/>·|forget|, both are used whole (the reference, which never cuts unseen); beyond
    /// that, unseen is cut to |forget|.
    /// </summary>
    /// <param name="forget">Forget losses available (≥ 1).</param>
    /// <param name="unseen">Unseen losses available (≥ 1).</param>
    /// <param name="tolerance">See <see cref="MembershipInferenceOptions.ReferenceImbalanceTolerance"/>.</param>
    /// <exception cref="ArgumentException">An empty set or a negative tolerance.</exception>
    public static AttackBalance Plan(int forget, int unseen, double tolerance)
    {
        if (forget < 1 || unseen < 1)
            throw new ArgumentException($"The attack needs samples on both sides, got {forget} forget and {unseen} unseen.");
        if (!(tolerance >= 0))
            throw new ArgumentException($"The imbalance tolerance must be >= 0, got {tolerance}.", nameof(tolerance));
        if (forget >= unseen)
            return new(forget, unseen, unseen, unseen, forget > unseen ? SubsampledSide.Forget : SubsampledSide.None);
        if (unseen - forget <= tolerance * forget)
            return new(forget, unseen, forget, unseen, SubsampledSide.None);
        return new(forget, unseen, forget, forget, SubsampledSide.Unseen);
    }
}
