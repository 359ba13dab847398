using System.CommandLine;

namespace Lethe.Cli.Commands;

/// <summary>The --overwrite of the commands that write a benchmark's run folders (`lethe benchmark`, `lethe plan benchmark`).</summary>
internal static class OverwriteOption
{
    public static Option<bool> Create() => new("--overwrite")
    {
        Description = "Write into an output folder that another run (other settings) already holds, replacing its results; "
            + "without it such a folder is refused, and the same run's folder is resumed",
    };
}
