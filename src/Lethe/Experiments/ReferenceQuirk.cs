using Lethe.Unlearning;

namespace Lethe.Experiments;

/// <summary>
/// One way the reference code (ndb796/MachineUnlearning's notebooks) ran differently from what its own algorithm
/// describes, which Lethe can reproduce: for whom it holds (<see cref="Variant"/>), which hyper-parameter of which
/// methods turns it on (<see cref="Parameter"/>, <see cref="Methods"/>), and whether the base models' training is
/// touched too (<see cref="BaseModels"/>, then it is part of their cache key through the recipe).
/// </summary>
/// <param name="Key">A short name for logs and JSON: "bn-eval", "epoch-reseed".</param>
/// <param name="Description">What the reference did, in one line for report headers.</param>
/// <param name="Variant">The benchmark flavour whose notebooks did it.</param>
/// <param name="Parameter">The boolean hyper-parameter, in override spelling, that the methods read.</param>
/// <param name="Methods">Keys of the methods the reference ran this way.</param>
/// <param name="BaseModels">True when Original and Retrained were trained this way as well.</param>
public sealed record ReferenceQuirk(string Key, string Description, UnlearningVariant Variant, string Parameter,
    IReadOnlyList<string> Methods, bool BaseModels)
{
    /// <summary>
    /// The MUFAC notebooks call <c>evaluation()</c> (which sets <c>model.eval()</c>) on the fresh copy of Original before
    /// Fine-tuning and after UNSIR's stage 1, and never call <c>model.train()</c> again: Fine-tuning and both UNSIR
    /// stages train with BatchNorm on Original's running statistics, which stay frozen.
    /// </summary>
    public static ReferenceQuirk BatchNormEval { get; } = new("bn-eval",
        "BatchNorm in evaluation mode while unlearning (running statistics frozen), as the reference's MUFAC notebooks ran",
        UnlearningVariant.MultiClass, "bnEvalQuirk", ["finetune", "unsir"], BaseModels: false);

    /// <summary>
    /// The MUCAC multi-label notebooks call <c>set_seed(42)</c> inside <c>train()</c> and <c>SCRUBTraining.train_epoch()</c>,
    /// that is at the start of every epoch, so every epoch draws the same shuffle and the same augmentations.
    /// </summary>
    public static ReferenceQuirk EpochReseed { get; } = new("epoch-reseed",
        "seed reset at every epoch start, so every epoch repeats the first one's order and augmentation, as the reference's MUCAC multi-label notebooks ran",
        UnlearningVariant.MultiLabel, "epochReseedQuirk", ["finetune", "cf", "scrub"], BaseModels: true);

    /// <summary>Every quirk Lethe reproduces, in the order reports list them.</summary>
    public static IReadOnlyList<ReferenceQuirk> All { get; } = [BatchNormEval, EpochReseed];

    /// <summary>The "method.parameter=true" overrides that turn this quirk on for <paramref name="variant"/> (none for another variant).</summary>
    public IEnumerable<string> Assignments(UnlearningVariant variant) =>
        variant == Variant ? Methods.Select(method => $"{method}.{Parameter}=true") : [];
}
