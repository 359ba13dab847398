namespace Lethe.Data;

/// <summary>
/// What a run asks of a dataset: the data part of an experiment spec. It lives here, not as the spec itself, because
/// <see cref="TaskNames"/> (which Training uses) asks the same registrations for their tasks, so the registrations sit
/// in the Data layer and may not see Experiments.
/// </summary>
/// <param name="Name">The name given to --dataset ("mufac", "mucac-male", ...).</param>
public sealed record DatasetRequest(string Name)
{
    /// <summary>The dataset folder (--data); null for a built-in dataset.</summary>
    public string? Folder { get; init; }

    /// <summary>Input side in pixels.</summary>
    public int ImageSize { get; init; } = 128;

    /// <summary>The experiment seed: chooses the people of identities:N and seeds a generated dataset.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>The --task of a dataset that takes one (<see cref="DatasetSwitches.Task"/>).</summary>
    public string TaskKind { get; init; } = "age";

    /// <summary>--forget as typed ("first:N", "identities:N"); null: the dataset's own forget set.</summary>
    public string? Forget { get; init; }

    /// <summary>--skip-bad.</summary>
    public bool SkipBad { get; init; }

    /// <summary>--exclude-duplicates.</summary>
    public bool ExcludeDuplicates { get; init; }

    /// <summary>--identity-splits as typed ("test,forget,train"); null: the dataset's default.</summary>
    public string? IdentitySplits { get; init; }

    /// <summary>The SynthFaces generator's settings (its own size and seed are overridden by <see cref="ImageSize"/> and <see cref="Seed"/>).</summary>
    public SynthFacesOptions Synth { get; init; } = new();

    /// <summary>The decoded-image cache folder, shared by every run.</summary>
    public string CacheFolder { get; init; } = "";

    /// <summary>The dataset-specific switches this request sets (--task is not among them: it always has a value).</summary>
    public DatasetSwitches Given =>
        (SkipBad ? DatasetSwitches.SkipBad : 0) | (ExcludeDuplicates ? DatasetSwitches.ExcludeDuplicates : 0)
        | (IdentitySplits is not null ? DatasetSwitches.IdentitySplits : 0) | (Forget is not null ? DatasetSwitches.Forget : 0);
}
