using Lethe.Evaluation;
using Lethe.Training;

namespace Lethe.Experiments;

/// <summary>One column of the results table: a model, how it was made, what it cost, and its evaluation.</summary>
public sealed record ModelResult
{
    /// <summary>The report label: "Original", "Retrained", "Fine-tuning", "CF-3", ...</summary>
    public required string Label { get; init; }

    /// <summary>"base" for Original and Retrained, otherwise the unlearning method's key.</summary>
    public required string Source { get; init; }

    public required ModelEvaluation Evaluation { get; init; }

    /// <summary>Wall time to train (base models) or to unlearn (methods), evaluation excluded.</summary>
    public required double Seconds { get; init; }

    /// <summary>Retrained's training time divided by this model's time: how much cheaper than the gold standard.</summary>
    public double? SpeedUp { get; init; }

    /// <summary>
    /// Peak resident memory of the process during the phase that made this model, MiB: Original and Retrained are one
    /// phase, the methods another, and a phase's jobs run side by side in one process, so this is the phase's peak and not
    /// the model's own (reports label it "Peak memory of phase"). A plan cell's is the process's peak while the cell ran
    /// (with cells side by side in one process, theirs together). NaN for a base model loaded from the checkpoint cache.
    /// </summary>
    public double PeakMemoryMiB { get; init; }

    /// <summary>
    /// True when the weights came from the checkpoint cache: <see cref="Seconds"/> is then the time their training took
    /// when they were made, at <see cref="CachedAt"/>, not this run's.
    /// </summary>
    public bool FromCache { get; init; }

    /// <summary>When a cached model was trained and stored (the cache entry's own record); null otherwise.</summary>
    public DateTimeOffset? CachedAt { get; init; }

    /// <summary>
    /// The file a given model was loaded from (<c>--original</c>): it was not trained here, so it has no recipe, no
    /// history and no training time (<see cref="Seconds"/> is NaN); null for models Lethe made.
    /// </summary>
    public GivenModel? Given { get; init; }

    /// <summary>True when the method's loss became non-finite; the model's numbers are then no results (reports show "–").</summary>
    public bool Diverged { get; init; }

    public int? DivergedAtStep { get; init; }

    public int? Steps { get; init; }

    public string? Note { get; init; }

    /// <summary>True for a model its method left as it started: it took no optimiser step (<see cref="TookNoStep"/>) or
    /// changed no weight (its note says why). Its numbers are its starting model's, which reports must not present as
    /// the method's effect.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsStartingModel => TookNoStep || NoteBegins(Lethe.Unlearning.UnlearningLoop.NoChange);

    /// <summary>True for a model that was trained but took no optimiser step (a loop that steps on full batches only,
    /// on a forget set smaller than one batch).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool TookNoStep => NoteBegins(Lethe.Unlearning.UnlearningLoop.NoStep);

    private bool NoteBegins(string prefix) => Note?.StartsWith(prefix, StringComparison.Ordinal) == true;

    public IReadOnlyList<EpochStats>? History { get; init; }

    /// <summary>The hyper-parameters or recipe that made this model, as JSON-serialisable data.</summary>
    public object? Settings { get; init; }

    /// <summary>This (evaluated) result with how an unlearning method made the model: its time, steps and divergence.
    /// The phase's peak memory is not known yet (NaN).</summary>
    public ModelResult MadeBy(Unlearning.UnlearnedModel made, string method, object hyperParameters) => this with
    {
        Source = method,
        Seconds = made.Elapsed.TotalSeconds,
        Diverged = made.Diverged,
        DivergedAtStep = made.DivergedAtStep,
        Steps = made.Steps,
        Note = made.Note,
        Settings = hyperParameters,
        PeakMemoryMiB = double.NaN,
    };
}
