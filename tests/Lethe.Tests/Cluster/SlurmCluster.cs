using Lethe.Cluster;

namespace Lethe.Tests.Cluster;

/// <summary>
/// The Slurm cluster a test submits to: the one-node cluster that .ci/slurm-up starts (or any whose sbatch, squeue and
/// sinfo are on PATH). Tests skip with the reason when there is none.
/// </summary>
public static class SlurmCluster
{
    /// <summary>Skips the test, saying why, unless a cluster answers with at least one usable node.</summary>
    public static void Require()
    {
        if (WhyUnavailable() is { } reason) Assert.Skip($"no Slurm cluster here ({reason}); CI starts one with .ci/slurm-up");
    }

    public static string? WhyUnavailable()
    {
        try
        {
            var nodes = ExternalCommand.Run("sinfo", ["-h", "-o", "%t"], TimeSpan.FromSeconds(20));
            if (nodes.ExitCode != 0) return $"sinfo failed: {nodes.Error.Trim()}";
            var states = nodes.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!states.Any(s => s.StartsWith("idle") || s.StartsWith("mix") || s.StartsWith("alloc")))
                return $"no node is up (sinfo: {string.Join(" ", states)})";
            return ExternalCommand.Run("sbatch", ["--version"]).ExitCode == 0 ? null : "sbatch does not run";
        }
        catch (SchedulerException e)
        {
            return e.Message;
        }
    }

    /// <summary>The job ids among <paramref name="ids"/> that Slurm still holds (pending, running, requeued).</summary>
    public static IReadOnlyList<string> Queued(IEnumerable<string> ids)
    {
        var result = ExternalCommand.Run("squeue", ["-h", "-o", "%i %T", "-j", string.Join(",", ids)]);
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Waits until Slurm holds none of the jobs; on a timeout cancels them and fails the test with what is left.</summary>
    public static TimeSpan WaitFor(IReadOnlyList<string> ids, TimeSpan timeout, Func<string> diagnosis)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (Queued(ids) is { Count: > 0 } left)
        {
            if (clock.Elapsed > timeout)
            {
                ExternalCommand.Run("scancel", ids);
                Assert.Fail($"Slurm jobs still queued after {timeout.TotalMinutes:F0} min: {string.Join("; ", left)}\n{diagnosis()}");
            }
            Thread.Sleep(500);
        }
        return clock.Elapsed;
    }
}
