namespace Lethe.Audit;

/// <summary>The per-person membership test of one model against a reference pool.</summary>
/// <param name="PoolSize">K, the pool models.</param>
/// <param name="Score">How each image was scored: Gaussian z for K ≥ <see cref="PersonMembershipOptions.SmallestGaussianPool"/>, else rank.</param>
/// <param name="SdFloor">The floor put under every pool standard deviation, in φ units.</param>
/// <param name="Population">The unseen people's T under the model, fitted to all of them: what the forget people are judged against.</param>
/// <param name="Forget">Each forget person, in the order of their first image.</param>
/// <param name="Unseen">Each unseen person (the control), in the order of their first image.</param>
/// <param name="ForgetSummary">The forget people's count, exposed count and share.</param>
/// <param name="UnseenSummary">The same for the unseen people: a test that is calibrated keeps their share near α.</param>
/// <param name="Options">The settings used.</param>
public sealed record PersonMembershipResult(
    int PoolSize,
    ImageScoreKind Score,
    double SdFloor,
    UnseenPopulation Population,
    IReadOnlyList<PersonResult> Forget,
    IReadOnlyList<PersonResult> Unseen,
    PersonSetSummary ForgetSummary,
    PersonSetSummary UnseenSummary,
    PersonMembershipOptions Options);
