using Lethe.Audit;
using Lethe.Tests.Support;
using ParquetSharp;
using Lethe.Evaluation;

namespace Lethe.Tests.Audit;

public class PhiTableTests
{
    // Doubles whose bits a lossy writer would change: NaN, infinities, −0, the smallest subnormal, 1/3, the largest value.
    private static readonly PhiRow[] Rows =
    [
        new("forget", 0, "p-007", 0, 3, 1.0 / 3),
        new("forget", 1, "p-007", 0, 5, double.NaN),
        new("retain", 0, "Zoë Ångström", 0, 0, -0.0),
        new("retain", 7, "p-100", 2, 1, double.Epsilon),
        new("test", 2, "p-200", 1, 0, double.PositiveInfinity),
        new("unseen", 4, "", 0, 7, double.NegativeInfinity),
        new("unseen", 5, "p-300", 0, 7, double.MaxValue),
        new("unseen", 6, "p-300", 0, 7, -199.30685281944005),
    ];

    private static readonly Dictionary<string, string> Metadata = new()
    {
        [PhiMetadata.Model] = "SCRUB",
        [PhiMetadata.ResultHash] = "0123abcd",
        [PhiMetadata.Seed] = "42",
        ["note"] = "ünïcode and = signs; kept as written",
    };

    [Fact]
    public void Should_read_back_every_row_and_the_metadata_exactly_with_doubles_bit_for_bit()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "m.phi.parquet");

        PhiTable.Write(path, Rows, Metadata);
        var read = PhiTable.Read(path);

        Assert.Equal(Rows.Select(WithoutPhi), read.Rows.Select(WithoutPhi));
        Assert.Equal(Rows.Select(r => BitConverter.DoubleToInt64Bits(r.Phi)), read.Rows.Select(r => BitConverter.DoubleToInt64Bits(r.Phi)));
        Assert.Equal(Metadata.OrderBy(kv => kv.Key), read.Metadata.OrderBy(kv => kv.Key));
        Assert.Equal(Metadata.OrderBy(kv => kv.Key), PhiTable.ReadMetadata(path).OrderBy(kv => kv.Key));
    }

    [Fact]
    public void Should_be_read_the_same_by_apache_arrows_cpp_reader_the_one_pyarrow_uses()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "m.phi.parquet");
        PhiTable.Write(path, Rows, Metadata);

        using var file = new ParquetFileReader(path);
        var schema = file.FileMetaData.Schema;
        Assert.Equal(["set", "index", "identity", "attribute", "label", "phi"],
            Enumerable.Range(0, schema.NumColumns).Select(c => schema.Column(c).Name));
        Assert.Equal(Metadata.OrderBy(kv => kv.Key), file.FileMetaData.KeyValueMetadata.OrderBy(kv => kv.Key));
        Assert.Equal(1, file.FileMetaData.NumRowGroups);
        using var group = file.RowGroup(0);
        var n = checked((int)group.MetaData.NumRows);
        T[] Column<T>(int c)
        {
            using var reader = group.Column(c).LogicalReader<T>();
            return reader.ReadAll(n);
        }
        var (sets, indices, identities) = (Column<string>(0), Column<int>(1), Column<string>(2));
        var (attributes, labels, phi) = (Column<int>(3), Column<int>(4), Column<double>(5));

        Assert.Equal(Rows.Select(WithoutPhi),
            Enumerable.Range(0, n).Select(i => new PhiRow(sets[i], indices[i], identities[i], attributes[i], labels[i], 0)));
        Assert.Equal(Rows.Select(r => BitConverter.DoubleToInt64Bits(r.Phi)), phi.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Should_leave_no_file_and_no_temp_file_when_a_write_fails()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "m.phi.parquet");
        PhiRow[] bad = [.. Rows, new PhiRow("train", 0, "p", 0, 0, 1)];

        var error = Assert.Throws<ArgumentException>(() => PhiTable.Write(path, bad, Metadata));

        Assert.Contains("row 8", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Should_keep_the_previous_file_whole_when_a_rewrite_fails()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "m.phi.parquet");
        PhiTable.Write(path, Rows, Metadata);
        var before = File.ReadAllBytes(path);

        Assert.Throws<ArgumentException>(() => PhiTable.Write(path, [new PhiRow("forget", 0, null!, 0, 0, 1)], Metadata));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData(0.5)] // footer gone
    [InlineData(0.98)] // the last bytes of the footer (its length and the PAR1 magic) gone
    [InlineData(0.0)] // empty
    public void Should_name_the_file_when_it_is_truncated(double keep)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "m.phi.parquet");
        PhiTable.Write(path, Rows, Metadata);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * keep)]);

        var error = Assert.Throws<InvalidDataException>(() => PhiTable.Read(path));
        Assert.StartsWith(path + ":", error.Message);
        Assert.Throws<InvalidDataException>(() => PhiTable.ReadMetadata(path));
    }

    [Fact]
    public void Should_name_the_file_and_the_column_a_foreign_parquet_file_lacks()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "other.parquet");
        using (var writer = new ParquetFileWriter(path, [new Column<int>("index"), new Column<double>("loss")]))
        {
            using var group = writer.AppendRowGroup();
            using (var index = group.NextColumn().LogicalWriter<int>()) index.WriteBatch([0]);
            using (var loss = group.NextColumn().LogicalWriter<double>()) loss.WriteBatch([0.5]);
            writer.Close();
        }

        var error = Assert.Throws<InvalidDataException>(() => PhiTable.Read(path));

        Assert.Equal($"{path}: no column 'set' (a φ table has set, index, identity, attribute, label, phi).", error.Message);
    }

    [Fact]
    public void Should_say_when_there_is_no_file()
    {
        var error = Assert.Throws<FileNotFoundException>(() => PhiTable.Read("/nonexistent/m.phi.parquet"));
        Assert.Contains("/nonexistent/m.phi.parquet", error.Message);
    }

    private static PhiRow WithoutPhi(PhiRow row) => row with { Phi = 0 };
}
