using Lethe.Experiments;
using Lethe.Tests.Reports;
using Lethe.Tests.Support;

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
    }
}
