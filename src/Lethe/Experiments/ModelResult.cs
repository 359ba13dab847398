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

    /// <summary>
    /// What the model is: Original, Retrained or Unlearned, a typed fact reports branch on. Results stored before the
    /// role was stored are read from <see cref="Source"/> and <see cref="Label"/> ("base" and "Original" or "Retrained").
    /// </summary>
    public CellRole Role
    {
        get => _role ?? (Source != "base" ? CellRole.Unlearned : Label == "Original" ? CellRole.Original : CellRole.Retrained);
        init => _role = value;
    }

    private readonly CellRole? _role;

    /// <summary>True for Original and Retrained, the models no method made.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsBase => Role is CellRole.Original or CellRole.Retrained;

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

    /// <summary>The per-person membership test of this model against the run's pool (`--pool K`); null without a pool.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public PeopleExposure? People { get; init; }

    /// <summary>True when the method's loss became non-finite; the model's numbers are then no results (reports show "–").</summary>
    public bool Diverged { get; init; }

    public int? DivergedAtStep { get; init; }

    public int? Steps { get; init; }

    public string? Note { get; init; }

    /// <summary>
    /// Whether its method left the model as it started (<see cref="Unlearning.StartingModel"/>): its numbers are then its
    /// starting model's, which reports must not present as the method's effect. Results stored before this fact was
    /// typed carry it only as the start of their note, which is read once, here, so old stores keep their meaning.
    /// </summary>
    public Unlearning.StartingModel Unchanged
    {
        get => _unchanged ?? (Note?.StartsWith(LegacyNoStep, StringComparison.Ordinal) == true ? Unlearning.StartingModel.TookNoStep
            : Note?.StartsWith(LegacyNoChange, StringComparison.Ordinal) == true ? Unlearning.StartingModel.ChangedNoWeight
            : Unlearning.StartingModel.No);
        init => _unchanged = value;
    }

    private readonly Unlearning.StartingModel? _unchanged;

    // How notes began before the fact was typed (Lethe 0.1, session 9): kept only to read those stores.
    private const string LegacyNoStep = "took no optimiser step";
    private const string LegacyNoChange = "changed no weight";

    /// <summary>True for a model its method left as it started (see <see cref="Unchanged"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsStartingModel => Unchanged != Unlearning.StartingModel.No;

    /// <summary>True for a model that was trained but took no optimiser step.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool TookNoStep => Unchanged == Unlearning.StartingModel.TookNoStep;

    public IReadOnlyList<EpochStats>? History { get; init; }

    /// <summary>The hyper-parameters or recipe that made this model, as JSON-serialisable data.</summary>
    public object? Settings { get; init; }

    /// <summary>This (evaluated) result with how an unlearning method made the model: its time, steps and divergence.
    /// The phase's peak memory is not known yet (NaN).</summary>
    public ModelResult MadeBy(Unlearning.UnlearnedModel made, string method, object hyperParameters) => this with
    {
        Source = method,
        Role = CellRole.Unlearned,
        Seconds = made.Elapsed.TotalSeconds,
        Diverged = made.Diverged,
        DivergedAtStep = made.DivergedAtStep,
        Steps = made.Steps,
        Note = made.Note,
        Unchanged = made.Unchanged,
        Settings = hyperParameters,
        PeakMemoryMiB = double.NaN,
    };
}
