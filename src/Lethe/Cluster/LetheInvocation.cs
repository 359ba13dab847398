using System.Reflection;

namespace Lethe.Cluster;

/// <summary>
/// How a cluster task starts the same Lethe that wrote its script, as a shell command prefix: the apphost by its path
/// (under `dotnet run`, "&lt;checkout&gt;/src/Lethe.Cli/bin/…/Lethe.Cli"; in a published folder, "&lt;folder&gt;/lethe"; for the
/// installed tool, the one in its versioned store, "&lt;tool path&gt;/.store/lethe.cli/0.1.0/…/Lethe.Cli",
/// since the process path resolves the tool's symbolic link), or, under `dotnet Lethe.Cli.dll`, the dotnet host with
/// the CLI's assembly ("dotnet &lt;folder&gt;/Lethe.Cli.dll"). Absolute paths, so a node that shares the file
/// system runs the very same build (a `dotnet tool update` removes the old store folder: update between plans).
/// </summary>
public static class LetheInvocation
{
    /// <summary>The command that runs this process's Lethe again, shell-quoted.</summary>
    /// <exception cref="InvalidOperationException">The process path is unknown (then pass the command explicitly).</exception>
    public static string Current()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process is unknown: pass --lethe");
        if (!Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            return Shell.Quote(process);
        var entry = Assembly.GetEntryAssembly()?.Location;
        if (string.IsNullOrEmpty(entry)) throw new InvalidOperationException("the path of the Lethe assembly is unknown: pass --lethe");
        return $"{Shell.Quote(process)} {Shell.Quote(entry)}";
    }
}
