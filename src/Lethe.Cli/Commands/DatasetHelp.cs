using Lethe.Data;

namespace Lethe.Cli.Commands;

/// <summary>Help texts about datasets, read from the registry so a new dataset appears in every command's help.</summary>
internal static class DatasetHelp
{
    /// <summary>"Dataset: synthfaces, mufac, mucac, ... (<paramref name="note"/>)".</summary>
    public static string Choices(string note) => $"Dataset: {string.Join(", ", DatasetRegistry.Default.Names)} ({note})";

    /// <summary>What each folder dataset's folder holds: "MUFAC: the released folder with ...; MUCAC: the folder holding ...".</summary>
    public static string Folders() => string.Join("; ", DatasetRegistry.Default.All.OfType<IFolderDataset>().Select(d => d.FolderHelp));

    /// <summary>"applies to mufac and synthfaces": the datasets that take <paramref name="option"/>.</summary>
    public static string AppliesTo(DatasetSwitches option) => $"applies to {new DatasetSwitchRules(DatasetRegistry.Default).TakenBy(option)}";
}
