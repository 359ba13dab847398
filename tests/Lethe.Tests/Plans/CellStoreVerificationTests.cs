using System.Text.Json.Nodes;
using Lethe.Experiments;
using Lethe.Plans;
using Lethe.Tests.Support;
using Lethe.Tests.Training;

namespace Lethe.Tests.Plans;

/// <summary>A done cell's files are checked against the hashes its done record holds before anything reads them.</summary>
public class CellStoreVerificationTests
{
    private static readonly Cell Original = new(0, "0123456789abcdef0123", CellRole.Original, "original-s42", 42, null, null, []);

    /// <summary>A done Original cell with stand-in files (only their bytes matter here).</summary>
    private static CellStore DoneCell(TempDirectory dir)
    {
        var store = new CellStore(Path.Combine(dir.Path, "store"));
        var models = Path.Combine(store.FolderOf(Original), RunStore.ModelsFolder);
        Directory.CreateDirectory(models);
        File.WriteAllText(Path.Combine(models, "original.json"), "{}");
        File.WriteAllBytes(Path.Combine(models, "original.phi.parquet"), Enumerable.Range(0, 256).Select(i => (byte)i).ToArray());
        File.WriteAllBytes(store.WeightsPath(Original), new byte[1024]);
        store.MarkDone(new CellDone(Original.Id, Original.Name, Original.Role, null, ["Original"], 1, 72, DateTimeOffset.UnixEpoch, "host"), Original);
        return store;
    }

    [Fact]
    public void Should_refuse_a_phi_file_changed_after_the_cell_was_done_naming_the_cell_and_file()
    {
        using var dir = new TempDirectory();
        var store = DoneCell(dir);
        var phi = RunStore.PhiPath(store.FolderOf(Original), "Original");
        CheckpointCacheVerificationTests.FlipByte(phi);

        var error = Assert.Throws<InvalidDataException>(() => store.Models(Original));

        Assert.StartsWith($"store cell original-s42 ({Original.Id}): {phi}: changed after it was written (SHA-256 ", error.Message);
        Assert.EndsWith($"; delete {store.FolderOf(Original)} to make the cell again", error.Message);
    }

    [Fact]
    public void Should_refuse_the_weights_of_an_original_changed_after_it_was_done()
    {
        using var dir = new TempDirectory();
        var store = DoneCell(dir);
        Assert.Equal(store.WeightsPath(Original), store.VerifiedWeightsPath(Original));
        CheckpointCacheVerificationTests.FlipByte(store.WeightsPath(Original));

        var error = Assert.Throws<InvalidDataException>(() => store.VerifiedWeightsPath(Original));

        Assert.StartsWith($"store cell original-s42 ({Original.Id}): {store.WeightsPath(Original)}: changed after it was written", error.Message);
        Assert.Equal(error.Message, Assert.Throws<InvalidDataException>(() => store.Models(Original)).Message);
    }

    [Fact]
    public void Should_read_a_cell_done_before_hashes_were_recorded_as_before()
    {
        using var dir = new TempDirectory();
        var store = DoneCell(dir);
        var done = JsonNode.Parse(File.ReadAllText(store.DonePath(Original)))!.AsObject();
        done.Remove(nameof(CellDone.Files));
        File.WriteAllText(store.DonePath(Original), done.ToJsonString());
        CheckpointCacheVerificationTests.FlipByte(store.WeightsPath(Original));

        Assert.True(store.IsDone(Original));
        Assert.Equal(store.WeightsPath(Original), store.VerifiedWeightsPath(Original));
    }
}
