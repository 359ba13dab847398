namespace Lethe.Plans;

/// <summary>What a worker did with a cell; the exit code a cluster engine sees (issue 13) follows from it.</summary>
public enum CellOutcome
{
    /// <summary>Made now.</summary>
    Made,

    /// <summary>Already done (by this or another worker, now or earlier): nothing to do.</summary>
    AlreadyDone,

    /// <summary>Another live worker holds the cell's lock: it is making it.</summary>
    Busy,

    /// <summary>A cell it depends on is not done yet: retry later.</summary>
    Waiting,
}
