using System.Text.Json.Serialization;
using Lethe.Training;
using Lethe.Unlearning;

namespace Lethe.Experiments;

/// <summary>
/// Which <see cref="ReferenceQuirk"/>s a run reproduces. The default (all off) is the principled benchmark; the
/// reproduction presets (paper, cpu) turn every quirk on, to run the reference as it ran. Each quirk only acts on the
/// variant whose notebooks had it (BatchNorm in eval mode: multi-class, MUFAC; the per-epoch reseed: multi-label), and
/// reaches the methods as hyper-parameter values (<see cref="Assignments"/>), so a `--set` override still wins.
/// </summary>
/// <param name="BatchNormEval"><see cref="ReferenceQuirk.BatchNormEval"/>.</param>
/// <param name="EpochReseed"><see cref="ReferenceQuirk.EpochReseed"/>.</param>
public readonly record struct ReferenceQuirks(bool BatchNormEval, bool EpochReseed)
{
    /// <summary>The principled benchmark: no quirk.</summary>
    public static ReferenceQuirks None => default;

    /// <summary>The reference as it ran: every quirk.</summary>
    public static ReferenceQuirks Reference { get; } = new(BatchNormEval: true, EpochReseed: true);

    /// <summary>
    /// The quirks after the command line's one switch: all with `--quirks` (<paramref name="quirks"/>), none with
    /// `--no-quirks` (<paramref name="noQuirks"/>), else the preset's (<paramref name="preset"/>). Both at once throw.
    /// </summary>
    public static ReferenceQuirks Switched(ReferenceQuirks preset, bool quirks, bool noQuirks) => (quirks, noQuirks) switch
    {
        (true, true) => throw new ArgumentException("--quirks and --no-quirks cannot be used together"),
        (true, false) => Reference,
        (false, true) => None,
        _ => preset,
    };

    /// <summary>The quirks that are on, in <see cref="ReferenceQuirk.All"/> order.</summary>
    [JsonIgnore] // derived: the two flags are the stored form, and the result hash must not move with a description
    public IReadOnlyList<ReferenceQuirk> Enabled =>
        [.. BatchNormEval ? [ReferenceQuirk.BatchNormEval] : Array.Empty<ReferenceQuirk>(),
         .. EpochReseed ? [ReferenceQuirk.EpochReseed] : Array.Empty<ReferenceQuirk>()];

    /// <summary>
    /// Only the quirks that shape Original and Retrained on <paramref name="variant"/>: the per-epoch reseed where it
    /// applies. The BatchNorm quirk acts while unlearning only, so base models made with or without it are one model.
    /// </summary>
    public ReferenceQuirks OfBaseTraining(UnlearningVariant variant) => new(BatchNormEval: false, EpochReseed: ReseedsBaseTraining(variant));

    /// <summary>The hyper-parameter overrides ("finetune.bnEvalQuirk=true", ...) these quirks mean for <paramref name="variant"/>.</summary>
    public IReadOnlyList<string> Assignments(UnlearningVariant variant) =>
        Enabled.SelectMany(q => q.Assignments(variant)).ToArray();

    /// <summary>
    /// <paramref name="recipes"/> with the one quirk that touches base training, the per-epoch reseed, turned on when it
    /// applies to <paramref name="variant"/>; otherwise unchanged, so the base models' cache key does not move.
    /// </summary>
    public BaseRecipes Apply(BaseRecipes recipes, UnlearningVariant variant) =>
        ReseedsBaseTraining(variant)
            ? new(recipes.Original with { EpochReseedQuirk = true }, recipes.Retrained with { EpochReseedQuirk = true })
            : recipes;

    private bool ReseedsBaseTraining(UnlearningVariant variant) => EpochReseed && variant == ReferenceQuirk.EpochReseed.Variant;
}
