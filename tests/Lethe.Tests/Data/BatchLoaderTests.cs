using Lethe.Data;
using Lethe.Data.Transforms;
using static Lethe.Tests.Data.LoaderFixtures;
using Lethe.Models;

namespace Lethe.Tests.Data;

public class BatchLoaderTests
{
    [Fact]
    public void Should_cut_batches_of_the_given_size_and_keep_the_partial_last_one()
    {
        using var set = NumberedImages(100);
        var loader = Loader(set, new EvalTransform(16), new BatchOptions(BatchSize: 32, Prefetch: false));

        var sizes = new List<long>();
        foreach (var batch in loader.Epoch())
            using (batch)
            {
                sizes.Add(batch.Size);
                Assert.Equal([batch.Size, 3, 16, 16], batch.Images.shape);
                Assert.Equal([batch.Size], batch.Targets.shape);
            }

        Assert.Equal([32L, 32, 32, 4], sizes);
        Assert.Equal(4, loader.BatchesPerEpoch);
    }

    [Fact]
    public void Should_keep_the_set_order_and_matching_targets_without_shuffle()
    {
        using var set = NumberedImages(70);
        var loader = Loader(set, new EvalTransform(16), new BatchOptions(BatchSize: 64, Shuffle: false));

        var numbers = new List<int>();
        foreach (var batch in loader.Epoch())
            using (batch)
            {
                var inBatch = SampleNumbers(batch);
                Assert.Equal(inBatch.Select(i => (long)(i % 8)), batch.Targets.data<long>().ToArray());
                numbers.AddRange(inBatch);
            }

        Assert.Equal(Enumerable.Range(0, 70), numbers);
    }

    [Fact]
    public void Should_visit_every_sample_once_per_epoch_in_a_new_order_each_epoch()
    {
        using var set = NumberedImages(100);
        var loader = Loader(set, new EvalTransform(16), new BatchOptions(BatchSize: 32, Shuffle: true));

        var epoch0 = Order(loader);
        var epoch1 = Order(loader);

        Assert.Equal(Enumerable.Range(0, 100), epoch0.Order());
        Assert.Equal(Enumerable.Range(0, 100), epoch1.Order());
        Assert.NotEqual(Enumerable.Range(0, 100), epoch0);
        Assert.NotEqual(epoch0, epoch1);
    }

    [Fact]
    public void Should_replay_the_first_epochs_order_and_augmentation_every_epoch_when_asked()
    {
        // The reference's per-epoch set_seed(42): every epoch draws what the first one drew.
        using var set = RandomImages(100, side: 24);
        var transform = new TrainTransform(16);
        var replaying = Loader(set, transform, new BatchOptions(BatchSize: 32, Shuffle: true, ReplayFirstEpoch: true));
        var normal = Loader(set, transform, new BatchOptions(BatchSize: 32, Shuffle: true));

        var (first, second) = (Drain(replaying), Drain(replaying));
        var (normalFirst, normalSecond) = (Drain(normal), Drain(normal));

        Assert.Equal(first.Select(b => b.Images), second.Select(b => b.Images));
        Assert.Equal(first.Select(b => b.Targets), second.Select(b => b.Targets));
        Assert.Equal(normalFirst.Select(b => b.Images), first.Select(b => b.Images));
        Assert.NotEqual(normalFirst.Select(b => b.Images), normalSecond.Select(b => b.Images));
    }

    [Fact]
    public void Should_give_the_same_epochs_for_the_same_seed_and_stream_and_others_for_another_seed()
    {
        using var set = NumberedImages(100);
        var options = new BatchOptions(BatchSize: 32, Shuffle: true);
        var first = Loader(set, new EvalTransform(16), options, seed: 7);
        var second = Loader(set, new EvalTransform(16), options, seed: 7);
        var otherSeed = Loader(set, new EvalTransform(16), options, seed: 8);
        var otherStream = Loader(set, new EvalTransform(16), options, seed: 7, stream: "other");

        Assert.Equal(Order(first), Order(second));
        Assert.Equal(Order(first), Order(second));
        Assert.NotEqual(Order(first), Order(otherSeed));
        Assert.NotEqual(Order(first), Order(otherStream));
    }

    [Fact]
    public void Should_produce_bit_identical_augmented_batches_with_and_without_prefetch()
    {
        using var set = RandomImages(100, side: 24);
        var transform = new TrainTransform(16);
        var prefetched = Loader(set, transform, new BatchOptions(BatchSize: 32, Shuffle: true, Prefetch: true));
        var sequential = Loader(set, transform, new BatchOptions(BatchSize: 32, Shuffle: true, Prefetch: false));

        for (var epoch = 0; epoch < 2; epoch++)
        {
            var a = Drain(prefetched);
            var b = Drain(sequential);
            Assert.Equal(a.Count, b.Count);
            for (var i = 0; i < a.Count; i++)
            {
                Assert.Equal(a[i].Shape, b[i].Shape);
                Assert.Equal(a[i].Images, b[i].Images);
                Assert.Equal(a[i].Targets, b[i].Targets);
            }
        }
    }

    [Fact]
    public async Task Should_stop_the_producer_when_the_consumer_leaves_an_epoch_early()
    {
        using var set = NumberedImages(200);
        var loader = Loader(set, new EvalTransform(16), new BatchOptions(BatchSize: 8, Shuffle: true, Prefetch: true));

        var leave = Task.Run(() =>
        {
            for (var repeat = 0; repeat < 20; repeat++)
                foreach (var batch in loader.Epoch())
                {
                    batch.Dispose();
                    break;
                }
        }, TestContext.Current.CancellationToken);

        // A hang shows up as a TimeoutException instead of a stuck test run.
        await leave.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        // The loader still works afterwards, from the right epoch number.
        Assert.Equal(20, loader.EpochsStarted);
        Assert.Equal(25, Drain(loader).Count);
    }

    [Fact]
    public void Should_surface_a_transform_failure_to_the_consumer()
    {
        using var set = NumberedImages(10);
        var loader = Loader(set, new FailingTransform(), new BatchOptions(BatchSize: 4, Prefetch: true));

        var error = Assert.Throws<InvalidOperationException>(() => Drain(loader));
        Assert.Equal("broken transform", error.Message);
    }

    private static int[] Order(BatchLoader loader)
    {
        var numbers = new List<int>();
        foreach (var batch in loader.Epoch())
            using (batch)
                numbers.AddRange(SampleNumbers(batch));
        return numbers.ToArray();
    }

    private static Lethe.Data.ImageSet RandomImages(int count, int side)
    {
        using var random = new TorchSharp.torch.Generator(123);
        var pixels = TorchSharp.torch.randint(0, 256, [count, 3, side, side], dtype: TorchSharp.torch.ScalarType.Byte, generator: random);
        var samples = Enumerable.Range(0, count).Select(i => new Sample($"img{i}", $"p{i}", [i % 8])).ToArray();
        return new ImageSet(samples, pixels);
    }

    private sealed class FailingTransform : IImageTransform
    {
        public int Size => 16;

        public TorchSharp.torch.Tensor Apply(TorchSharp.torch.Tensor pixels, TorchSharp.torch.Generator random) =>
            throw new InvalidOperationException("broken transform");
    }
}
