using Lethe.Data;
using Lethe.Data.Transforms;
using static Lethe.Tests.Data.LoaderFixtures;

namespace Lethe.Tests.Data;

public class CyclingBatchesTests
{
    [Fact]
    public void Should_restart_with_a_reshuffled_epoch_when_the_current_one_runs_out()
    {
        using var set = NumberedImages(40);
        var loader = Loader(set, new EvalTransform(16), new BatchOptions(BatchSize: 16, Shuffle: true));
        using var stream = new CyclingBatches(loader);

        // 3 batches per epoch (16, 16, 8): seven calls reach into the third epoch.
        var sizes = new List<long>();
        var epochs = new List<int[]> { Array.Empty<int>(), Array.Empty<int>() };
        for (var call = 0; call < 7; call++)
            using (var batch = stream.Next())
            {
                sizes.Add(batch.Size);
                if (call < 6) epochs[call / 3] = [.. epochs[call / 3], .. SampleNumbers(batch)];
            }

        Assert.Equal([16L, 16, 8, 16, 16, 8, 16], sizes);
        Assert.Equal(3, stream.EpochsStarted);
        Assert.Equal(Enumerable.Range(0, 40), epochs[0].Order());
        Assert.Equal(Enumerable.Range(0, 40), epochs[1].Order());
        Assert.NotEqual(epochs[0], epochs[1]);
    }

    [Fact]
    public void Should_persist_across_the_callers_epochs_and_match_the_loaders_own_epochs()
    {
        using var set = NumberedImages(40);
        var options = new BatchOptions(BatchSize: 16, Shuffle: true);
        var reference = Loader(set, new EvalTransform(16), options);
        var expected = new List<int>();
        for (var epoch = 0; epoch < 2; epoch++)
            foreach (var batch in reference.Epoch())
                using (batch) expected.AddRange(SampleNumbers(batch));

        using var stream = new CyclingBatches(Loader(set, new EvalTransform(16), options));
        var seen = new List<int>();
        for (var callerEpoch = 0; callerEpoch < 3; callerEpoch++)
            for (var step = 0; step < 2; step++)
                using (var batch = stream.Next()) seen.AddRange(SampleNumbers(batch));

        Assert.Equal(expected.Take(seen.Count), seen);
    }
}
