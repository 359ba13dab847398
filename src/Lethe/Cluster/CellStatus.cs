using Lethe.Plans;

namespace Lethe.Cluster;

/// <summary>One cell of a plan and where it stands.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="State">Its state in the store.</param>
/// <param name="Detail">Why, in words: the time and host of a done cell, the holder of a running one, the error or the
/// dead worker of a failed one, the inputs a waiting one lacks.</param>
public sealed record CellStatus(Cell Cell, CellState State, string Detail);
