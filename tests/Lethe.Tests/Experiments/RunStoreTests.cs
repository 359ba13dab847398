using Lethe.Audit;
using Lethe.Experiments;
using Lethe.Tests.Reports;
using Lethe.Tests.Support;
using Lethe.Evaluation;

namespace Lethe.Tests.Experiments;

public class RunStoreTests
{
    [Fact]
    public void Should_store_a_models_losses_beside_its_result()
    {
        using var dir = new TempDirectory();
        var store = new RunStore(dir.Path, "hash-a");
        var model = HandMadeRun.Record(42).Models[0];
        var losses = new Dictionary<string, float[]> { ["forget"] = [0.5f, 1.25f], ["unseen"] = [2f], ["test"] = [float.NaN] };

        store.Put(model with { Evaluation = model.Evaluation with { Losses = losses } });

        Assert.True(File.Exists(Path.Combine(dir.Path, "models", "original.losses.json")));
        var read = store.TryGetLosses("Original")!;
        Assert.Equal([0.5f, 1.25f], read["forget"]);
        Assert.True(float.IsNaN(read["test"][0]));
        Assert.Null(new RunStore(dir.Path, "hash-b").TryGetLosses("Original"));
    }

    [Fact]
    public void Should_write_no_losses_file_for_a_result_without_losses()
    {
        using var dir = new TempDirectory();
        var store = new RunStore(dir.Path, "hash-a");

        store.Put(HandMadeRun.Record(42).Models[0]);

        Assert.NotNull(store.TryGet("Original"));
        Assert.Null(store.TryGetLosses("Original"));
        Assert.False(File.Exists(RunStore.PhiPath(dir.Path, "Original")));
    }

    private static readonly PhiRow[] Phi = [new("forget", 0, "p1", 0, 3, 2.5), new("unseen", 0, "p9", 0, 1, -1.25)];

    [Fact]
    public void Should_store_a_models_phi_table_beside_its_result_stamped_with_label_hash_and_the_runs_facts()
    {
        using var dir = new TempDirectory();
        var store = new RunStore(dir.Path, "hash-a", new Dictionary<string, string> { [PhiMetadata.Dataset] = "synthfaces" });
        var model = HandMadeRun.Record(42).Models[0];

        store.Put(model with { Evaluation = model.Evaluation with { Phi = Phi } });

        var path = Path.Combine(dir.Path, "models", "original.phi.parquet");
        Assert.Equal(path, RunStore.PhiPath(dir.Path, "Original"));
        var table = PhiTable.Read(path);
        Assert.Equal(Phi, table.Rows);
        Assert.Equal(("Original", "hash-a", "synthfaces"),
            (table.Metadata[PhiMetadata.Model], table.Metadata[PhiMetadata.ResultHash], table.Metadata[PhiMetadata.Dataset]));
        Assert.True(store.HasCurrentPhi("Original"));
        Assert.False(new RunStore(dir.Path, "hash-b").HasCurrentPhi("Original"));
        Assert.False(store.HasCurrentPhi("Retrained"));
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..40]);
        Assert.False(store.HasCurrentPhi("Original"));
    }

    [Fact]
    public void Should_write_the_phi_table_before_the_result_so_no_result_exists_without_one()
    {
        using var dir = new TempDirectory();
        var store = new RunStore(dir.Path, "hash-a");
        var model = HandMadeRun.Record(42).Models[0];
        PhiRow[] bad = [.. Phi, new("train", 0, "p1", 0, 0, 0)];

        Assert.Throws<ArgumentException>(() => store.Put(model with { Evaluation = model.Evaluation with { Phi = bad } }));

        Assert.Null(store.TryGet("Original"));
        Assert.False(File.Exists(RunStore.PhiPath(dir.Path, "Original")));
    }
}
