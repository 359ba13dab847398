using Lethe.Data;
using Lethe.Experiments;
using Lethe.Unlearning;
using static Lethe.Tests.Unlearning.UnlearningFixtures;
using static TorchSharp.torch;
using Lethe.Numerics;

namespace Lethe.Tests.Unlearning;

[Collection("Unlearning")]
public class UnsirTests
{
    [Fact]
    public void Should_move_the_noise_away_from_the_forget_outputs_and_clamp_it_to_the_unit_range()
    {
        using var forget = ColouredSet(16, seed: 2);
        using var model = NewModel(FourClasses);
        model.train();
        using var images = Images(forget);
        using var stream = Seeds.Generator(42, "test/noise");
        var distances = new List<double>();

        using var noise = UnsirNoise.Optimise(model, images, new UnsirHyperParameters(), stream, distances);

        Assert.Equal(5, distances.Count);
        Assert.True(distances[^1] > distances[0], $"MSE(model(N), model(x_f)) per Adam step: {string.Join(", ", distances)}");
        Assert.Equal(images.shape, noise.shape);
        Assert.False(noise.requires_grad);
        Assert.True(noise.min().item<float>() >= 0 && noise.max().item<float>() <= 1);
        Assert.True(noise.gt(0).logical_and(noise.lt(1)).any().item<bool>()); // clamped, not saturated
        Assert.All(model.parameters(), p => Assert.True(p.grad is null || p.grad.abs().sum().item<float>() == 0));
    }

    [Fact]
    public void Should_label_the_noise_with_the_retain_labels()
    {
        using var noise = rand(4, 3, Side, Side);
        using var retain = new Batch(rand(4, 3, Side, Side), tensor(new long[] { 3, 1, 0, 2 }));

        var batches = UnsirNoise.ImpairBatches(noise, retain);

        Assert.Equal(2, batches.Count);
        Assert.Same(noise, batches[0].Images);
        Assert.Equal(new long[] { 3, 1, 0, 2 }, batches[0].Targets.data<long>().ToArray());
        Assert.Same(retain.Images, batches[1].Images);
        Assert.Equal(new long[] { 3, 1, 0, 2 }, batches[1].Targets.data<long>().ToArray());
    }

    [Fact]
    public void Should_report_both_stages_with_cumulative_time_and_steps()
    {
        using var retain = ColouredSet(32, seed: 1);
        using var forget = ColouredSet(24, seed: 2);
        using var original = NewModel(FourClasses);
        var context = Context(original, FourClasses, forget, retain);
        var clock = new SteppingClock();
        context = new UnlearningContext
        {
            Original = context.Original, Task = context.Task, Forget = forget, Retain = retain,
            TrainTransform = context.TrainTransform, BatchSize = BatchSize, Time = clock,
        };

        var results = new Unsir().Run(context, new UnsirHyperParameters { ImpairEpochs = 1, NoiseSteps = 2 });

        Assert.Equal(["UNSIR Stage 1", "UNSIR Stage 2"], results.Select(r => r.Label));
        // Stage 1: forget 24 = 16 + 8 pairs with retain in lockstep → 1 full pair; stage 2: 2 retain batches.
        Assert.Equal([1, 3], results.Select(r => r.Steps));
        Assert.True(results[1].Elapsed > results[0].Elapsed);
        Assert.NotSame(results[0].Model, results[1].Model);
        Assert.False(Same(Snapshot(results[0].Model)["fc.weight"], Snapshot(results[1].Model)["fc.weight"]));
        Assert.False(Same(Snapshot(original)["fc.weight"], Snapshot(results[0].Model)["fc.weight"]));
        foreach (var result in results) result.Model.Dispose();
    }

    /// <summary>A clock that advances one second each time it is read.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref ticks, TimeSpan.TicksPerSecond);
    }
}
