using System.Globalization;
using Lethe.Evaluation;
using Lethe.Experiments;

namespace Lethe.Audit;

/// <summary>
/// `lethe evaluate MODEL --pool K`: the per-person membership test (<see cref="PersonMembership"/>) of one given model
/// against K Retrained models, none of which trained on the forget people. Per forget person: how far the model's φ on
/// their photos sits above the pool's, whether that is more than the model's own shift on unseen people explains, and
/// the verdict at q ≤ α; the unseen people, judged the same way, are the control.
/// </summary>
/// <param name="Source">Where the pool came from: "store" (Retrained cells made or reused in the results store) or "files"
/// (given with <c>--pool-files</c>).</param>
/// <param name="Pool">Each pool model: a store cell as "retrained-s42 (id)", a file as its path.</param>
/// <param name="Made">Pool cells this evaluation trained (0 for files).</param>
/// <param name="Reused">Pool cells already done in the store (0 for files).</param>
/// <param name="Result">The test, or null when it could not run on this model (see <paramref name="Note"/>).</param>
/// <param name="Note">Why there is no result (the model's φ is not finite, a pool model diverged), or null.</param>
public sealed record PersonPoolTest(string Source, IReadOnlyList<string> Pool, int Made, int Reused, PersonMembershipResult? Result,
    string? Note)
{
    /// <summary>The <see cref="Source"/> of a pool of store cells.</summary>
    public const string StoreSource = "store";

    /// <summary>The <see cref="Source"/> of a pool of given files.</summary>
    public const string FilesSource = "files";

    /// <summary>K, the pool's models.</summary>
    public int PoolSize => Pool.Count;

    /// <summary>The decision rule in words: "exposed at q ≤ 0.05".</summary>
    public string Rule => $"exposed at q ≤ {(Result?.Options ?? PersonMembershipOptions.Default).Alpha.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// How each image was scored, in words: the Gaussian z from K ≥ 8 models, a rank below that (<see cref="ImageScoreKind"/>).
    /// </summary>
    public string ImageScore => Result?.Score switch
    {
        ImageScoreKind.Gaussian => $"Gaussian z against the {PoolSize} pool models (pool sd floored at {Result.SdFloor:G3})",
        ImageScoreKind.Rank => $"rank among the {PoolSize} pool models (fewer than {Result.Options.SmallestGaussianPool}, too few for a Gaussian z)",
        _ => "–",
    };

    /// <summary>The findings as a run records them with the model (<see cref="ModelResult.People"/>), each set the smallest p first.</summary>
    public PeopleExposure Exposure() => Result is not { } result
        ? new PeopleExposure(PoolSize, ImageScore, PersonMembershipOptions.Default.Alpha, [], [], Note)
        : new PeopleExposure(PoolSize, ImageScore, result.Options.Alpha, Findings(result.Forget), Findings(result.Unseen));

    private static PersonFinding[] Findings(IEnumerable<PersonResult> people) => people.OrderBy(p => p.P)
        .Select(p => new PersonFinding(p.Identity, p.Photos, p.MeanZ, p.P, p.Q, p.Verdict == PersonVerdict.Exposed)).ToArray();

    /// <summary>Tests <paramref name="model"/> against <paramref name="pool"/> on the forget and unseen sets.</summary>
    /// <param name="pool">The pool models' φ rows (every set they were scored on; forget and unseen are read).</param>
    /// <param name="model">The tested model's φ rows, over the same examples.</param>
    /// <exception cref="InvalidDataException">A model whose φ covers other examples than the first pool model's (named).</exception>
    internal static PersonPoolTest Of(string source, IReadOnlyList<NamedPhi> pool, NamedPhi model, int made, int reused,
        PersonMembershipOptions? options = null)
    {
        var names = pool.Select(p => p.Name).ToArray();
        var forget = PhiColumns.Of(pool[0], PhiSets.Forget);
        var unseen = PhiColumns.Of(pool[0], PhiSets.Unseen);
        try
        {
            var result = PersonMembership.Test(forget.People(forget.Matrix(pool), model), unseen.People(unseen.Matrix(pool), model), options);
            return new PersonPoolTest(source, names, made, reused, result, null);
        }
        catch (ArgumentException e)
        {
            // A φ that is not finite (a diverged model) leaves the test nothing to score: the table shows "–" with why.
            return new PersonPoolTest(source, names, made, reused, null, e.Message);
        }
    }
}
