namespace Lethe.Cluster;

/// <summary>
/// The exit codes of `lethe run-cell`, the contract with a cluster engine's retry logic (the Slurm script and the
/// Kubernetes Job that `lethe submit` writes rely on them).
/// </summary>
public static class CellExit
{
    /// <summary>The cell is done (made now, or found done).</summary>
    public const int Done = 0;

    /// <summary>A failure (recorded in the store's failed.json for the cell); retrying repeats it.</summary>
    public const int Failed = 1;

    /// <summary>A bad command line.</summary>
    public const int Usage = 2;

    /// <summary>
    /// Not run yet, try again later (EX_TEMPFAIL of sysexits.h): a cell it reads is not done, or another live worker is
    /// making it, and the wait given with --wait ran out.
    /// </summary>
    public const int TryLater = 75;
}
