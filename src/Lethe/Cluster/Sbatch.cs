namespace Lethe.Cluster;

/// <summary>Submits a script with Slurm's sbatch and reads back its job id (--parsable prints "id" or "id;cluster").</summary>
public static class Sbatch
{
    /// <summary>The arguments of the sbatch call: the job waits for <paramref name="afterOk"/> to succeed, and is
    /// cancelled at once if that job fails (instead of pending forever: Slurm never re-evaluates a failed afterok).</summary>
    public static IReadOnlyList<string> Arguments(string scriptPath, string? afterOk) => afterOk is null
        ? ["--parsable", scriptPath]
        : ["--parsable", $"--dependency=afterok:{afterOk}", "--kill-on-invalid-dep=yes", scriptPath];

    /// <summary>Submits the script; returns its job id.</summary>
    /// <exception cref="SchedulerException">sbatch is missing, refused the script, or printed no job id.</exception>
    public static string Submit(string scriptPath, string? afterOk)
    {
        var result = ExternalCommand.Run("sbatch", Arguments(scriptPath, afterOk));
        var firstError = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (result.ExitCode != 0)
            throw new SchedulerException($"sbatch {scriptPath} failed (exit {result.ExitCode}): {firstError ?? "no message"}");
        return ParseJobId(result.Output)
            ?? throw new SchedulerException($"sbatch {scriptPath}: no job id in its output '{result.Output.Trim()}'");
    }

    /// <summary>The job id of sbatch --parsable's output ("1234" or "1234;cluster"), or null.</summary>
    public static string? ParseJobId(string output)
    {
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(l => l.Length > 0);
        var id = line?.Split(';')[0];
        return id is { Length: > 0 } && id.All(char.IsAsciiDigit) ? id : null;
    }
}
