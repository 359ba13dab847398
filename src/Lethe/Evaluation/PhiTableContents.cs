namespace Lethe.Evaluation;

/// <summary>What a φ file holds: its rows in file order and the key-value metadata (see <see cref="PhiMetadata"/>).</summary>
public sealed record PhiTableContents(IReadOnlyList<PhiRow> Rows, IReadOnlyDictionary<string, string> Metadata);
