using Lethe.Models;

namespace Lethe.Data;

/// <summary>
/// One dataset the benchmark runs on: its names, tasks, options, default preset and loader. Each lives in its
/// dataset's folder (Data/Mufac/MufacDataset.cs, ...) and <see cref="DatasetRegistry"/> lists them, so nothing else
/// branches on a dataset's name. A dataset read from a folder also implements <see cref="IFolderDataset"/>.
/// </summary>
public interface IDataset
{
    /// <summary>The names --dataset accepts for it, main name first (MUCAC: "mucac", "mucac-male", ...); lower case.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>How messages name it: "mufac", "MUCAC", "synthfaces".</summary>
    string Title { get; }

    /// <summary>The dataset-specific options it takes; the others are refused in one line.</summary>
    DatasetSwitches Accepts { get; }

    /// <summary>The preset a run takes when none is named ("default", "paper").</summary>
    string DefaultPreset { get; }

    /// <summary>The names a model of this dataset's task may be given by (`--task` of import, export, evaluate); lower case.</summary>
    IReadOnlyList<string> TaskNames { get; }

    /// <summary>The task of one of <see cref="TaskNames"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="TaskNames"/>; the message names the valid ones.</exception>
    PredictionTask Task(string taskName);

    /// <summary>A hint for a user who gave --task to a dataset that takes none, or null.</summary>
    string? TaskHint => null;

    /// <summary>The forget set it cuts when --forget is not given, or null when it has its own (for <see cref="SplitRules"/>' messages).</summary>
    ForgetSelection? DefaultForget => null;

    /// <summary>The task a run of <paramref name="name"/> learns, as a <see cref="Data.TaskNames"/> name: the --task of a
    /// dataset that takes one, else the dataset's (or its variant's) own name.</summary>
    string ModelTask(string name, string taskKind) => Accepts.HasFlag(DatasetSwitches.Task) ? taskKind : name;

    /// <summary>Refuses values only this dataset reads (MUCAC: malformed --identity-splits), before anything loads.</summary>
    /// <exception cref="ArgumentException">A value it cannot use, named as the option.</exception>
    void Validate(DatasetRequest request) { }

    /// <summary>Builds the five sets. <paramref name="cacheNote"/> is told, one line each, what the decoded-image cache
    /// found and did (a changed file decoded again, a killed write's temp file removed).</summary>
    /// <exception cref="Files.DataFileException">A file is missing or malformed (the message names it).</exception>
    BenchmarkData Load(DatasetRequest request, Action<string>? cacheNote);
}
