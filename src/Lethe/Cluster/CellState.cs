namespace Lethe.Cluster;

/// <summary>Where a cell of a plan stands, as read from the shared results store (<see cref="PlanStatus"/>).</summary>
public enum CellState
{
    /// <summary>Finished: its done record is in the store.</summary>
    Done,

    /// <summary>A live worker holds its lock (or a worker on another host, which cannot be checked from here).</summary>
    Running,

    /// <summary>A worker stopped without finishing it: it recorded an error, or was killed and left a stale lock.
    /// The next worker redoes it (a base model resumes at its last finished epoch).</summary>
    Failed,

    /// <summary>Not started; its inputs are done, so any worker can run it now.</summary>
    Ready,

    /// <summary>Not started; a cell it reads is not done yet.</summary>
    Waiting,
}
