namespace Lethe.Data.Files;

/// <summary>How far a one-time decode of a dataset's images has got.</summary>
public sealed record DecodeProgress(int Done, int Total);
