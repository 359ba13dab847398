using Lethe.IO;
using Parquet;
using Parquet.Schema;

namespace Lethe.Evaluation;

/// <summary>
/// A model's φ table as a Parquet file: one row per (set, example, attribute) with the columns set (string), index
/// (int32), identity (string), attribute (int32), label (int32) and phi (double), none nullable, plus key-value metadata
/// (see <see cref="PhiMetadata"/>). Python opens it with <c>pandas.read_parquet(path)</c>.
/// </summary>
/// <remarks>
/// Parquet because Python, R, Spark and DuckDB read it directly, typed and compressed; written through Parquet.Net
/// (managed, MIT) rather than by hand, and checked in the tests against the Apache Arrow C++ reader pyarrow uses.
/// </remarks>
public static class PhiTable
{
    private static readonly DataField<string> SetField = new("set", nullable: false);
    private static readonly DataField<int> IndexField = new("index");
    private static readonly DataField<string> IdentityField = new("identity", nullable: false);
    private static readonly DataField<int> AttributeField = new("attribute");
    private static readonly DataField<int> LabelField = new("label");
    private static readonly DataField<double> PhiField = new("phi");

    private static ParquetSchema Schema => new(SetField, IndexField, IdentityField, AttributeField, LabelField, PhiField);

    /// <summary>Writes <paramref name="rows"/> in their order, atomically (temp file, then rename: see <see cref="AtomicFile"/>).</summary>
    /// <exception cref="ArgumentException">A row whose set is not one of <see cref="PhiSets.All"/> or whose identity is null
    /// (named by row number); nothing is written then, and a file already at <paramref name="path"/> is left as it was.</exception>
    public static void Write(string path, IReadOnlyList<PhiRow> rows, IReadOnlyDictionary<string, string> metadata)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (!PhiSets.All.Contains(rows[i].Set))
                throw new ArgumentException($"φ row {i}: set '{rows[i].Set}' is not one of {string.Join(", ", PhiSets.All)}.", nameof(rows));
            if (rows[i].Identity is null)
                throw new ArgumentException($"φ row {i}: the identity is null.", nameof(rows));
        }
        using var bytes = new MemoryStream();
        // Parquet.Net is async only; Task.Run keeps a caller's synchronisation context out of its awaits.
        Task.Run(() => WriteAsync(bytes, rows, metadata)).GetAwaiter().GetResult();
        AtomicFile.WriteAllBytes(path, bytes.ToArray());
    }

    private static async Task WriteAsync(Stream output, IReadOnlyList<PhiRow> rows, IReadOnlyDictionary<string, string> metadata)
    {
        await using var writer = await ParquetWriter.CreateAsync(Schema, output);
        writer.CustomMetadata = metadata.ToDictionary();
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(SetField, rows.Select(r => r.Set).ToArray());
        await group.WriteAsync<int>(IndexField, rows.Select(r => r.Index).ToArray());
        await group.WriteAsync(IdentityField, rows.Select(r => r.Identity).ToArray());
        await group.WriteAsync<int>(AttributeField, rows.Select(r => r.Attribute).ToArray());
        await group.WriteAsync<int>(LabelField, rows.Select(r => r.Label).ToArray());
        await group.WriteAsync<double>(PhiField, rows.Select(r => r.Phi).ToArray());
    }

    /// <summary>Reads every row, in file order, and the metadata.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">A file that is not Parquet, is truncated, lacks a column or has one of
    /// another type, or names an unknown set; the message names the file.</exception>
    public static PhiTableContents Read(string path) => Open(path, readRows: true);

    /// <summary>Reads only the metadata (the footer), not the rows: enough to tell whether a file is current.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">A file that is not Parquet or is truncated; the message names the file.</exception>
    public static IReadOnlyDictionary<string, string> ReadMetadata(string path) => Open(path, readRows: false).Metadata;

    private static PhiTableContents Open(string path, bool readRows)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such φ file.", path);
        try
        {
            return Task.Run(() => ReadAsync(path, readRows)).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not (InvalidDataException or FileNotFoundException))
        {
            throw new InvalidDataException($"{path}: not a readable φ table ({e.Message})", e);
        }
    }

    private static async Task<PhiTableContents> ReadAsync(string path, bool readRows)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var metadata = reader.CustomMetadata.ToDictionary();
        if (!readRows) return new PhiTableContents([], metadata);
        var fields = Schema.DataFields.Select(f => FileField(reader, f, path)).ToArray();
        var rows = new List<PhiRow>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = checked((int)group.RowCount);
            var (sets, identities) = (new string?[n], new string?[n]);
            var (indices, attributes, labels, phi) = (new int[n], new int[n], new int[n], new double[n]);
            await group.ReadAsync(fields[0], sets);
            await group.ReadAsync<int>(fields[1], indices);
            await group.ReadAsync(fields[2], identities);
            await group.ReadAsync<int>(fields[3], attributes);
            await group.ReadAsync<int>(fields[4], labels);
            await group.ReadAsync<double>(fields[5], phi);
            for (var i = 0; i < n; i++)
                rows.Add(new PhiRow(KnownSet(sets[i], path, rows.Count), indices[i], identities[i] ?? "", attributes[i], labels[i], phi[i]));
        }
        return new PhiTableContents(rows, metadata);
    }

    /// <summary>The file's own field of that name, checked to have the expected type.</summary>
    private static DataField FileField(ParquetReader reader, DataField expected, string path)
    {
        var field = reader.Schema.DataFields.FirstOrDefault(f => f.Name == expected.Name)
            ?? throw new InvalidDataException($"{path}: no column '{expected.Name}' (a φ table has set, index, identity, attribute, label, phi).");
        if (field.ClrType != expected.ClrType || field.IsArray)
            throw new InvalidDataException($"{path}: column '{expected.Name}' holds {field.ClrType.Name}, not {expected.ClrType.Name}.");
        return field;
    }

    private static string KnownSet(string? set, string path, int row) =>
        set is not null && PhiSets.All.Contains(set)
            ? set
            : throw new InvalidDataException($"{path}: row {row} has set '{set}', not one of {string.Join(", ", PhiSets.All)}.");
}
