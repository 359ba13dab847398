using System.ComponentModel;
using System.Diagnostics;

namespace Lethe.Cluster;

/// <summary>Runs an engine's command-line tool (sbatch, squeue) and returns what it printed.</summary>
public static class ExternalCommand
{
    /// <summary>What a finished command printed.</summary>
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <exception cref="SchedulerException">The program is not on PATH.</exception>
    public static Result Run(string program, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new SchedulerException($"{program} did not start");
        }
        catch (Win32Exception)
        {
            throw new SchedulerException($"{program} is not on PATH (is this a node of the cluster?)");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new SchedulerException($"{program} did not answer within {(timeout ?? TimeSpan.FromMinutes(2)).TotalSeconds:F0} s");
            }
            return new Result(process.ExitCode, output.Result, error.Result);
        }
    }
}
