using Lethe.Data.Transforms;
using static TorchSharp.torch;

namespace Lethe.Tests.Data;

public class TrainTransformTests
{
    private static Tensor RandomPixels(int count, int side, ulong seed = 11)
    {
        using var random = new Generator(seed);
        return randint(0, 256, [count, 3, side, side], dtype: ScalarType.Byte, generator: random);
    }

    [Fact]
    public void Should_resize_augment_and_stay_within_unit_range()
    {
        using var pixels = RandomPixels(16, 24);
        using var random = new Generator(1);

        using var output = new TrainTransform(16).Apply(pixels, random);

        Assert.Equal([16L, 3, 16, 16], output.shape);
        Assert.Equal(ScalarType.Float32, output.dtype);
        Assert.True(output.min().item<float>() >= 0f);
        Assert.True(output.max().item<float>() <= 1f);
    }

    [Fact]
    public void Should_equal_the_eval_transform_when_augmentation_is_off()
    {
        using var pixels = RandomPixels(4, 24);
        using var random = new Generator(1);

        using var train = new TrainTransform(16, TrainAugmentation.None).Apply(pixels, random);
        using var eval = new EvalTransform(16).Apply(pixels, random);

        Assert.True(train.eq(eval).all().item<bool>());
    }

    [Fact]
    public void Should_flip_some_images_and_leave_the_others_untouched()
    {
        using var pixels = RandomPixels(32, 16);
        using var random = new Generator(3);
        var flipOnly = TrainAugmentation.None with { FlipProbability = 0.5 };

        using var output = new TrainTransform(16, flipOnly).Apply(pixels, random);

        using var original = pixels.to_type(ScalarType.Float32).div(255);
        using var mirrored = original.flip(3);
        int flipped = 0, kept = 0;
        for (var i = 0; i < 32; i++)
        {
            var same = output[i].eq(original[i]).all().item<bool>();
            var mirror = output[i].eq(mirrored[i]).all().item<bool>();
            Assert.True(same || mirror, $"image {i} is neither the input nor its mirror");
            if (mirror) flipped++;
            else kept++;
        }
        Assert.True(flipped > 0 && kept > 0, $"flipped {flipped}, kept {kept}");
    }

    [Fact]
    public void Should_draw_fresh_randomness_for_each_sample()
    {
        using var one = RandomPixels(1, 16);
        using var pixels = one.expand(8, 3, 16, 16).contiguous();
        using var random = new Generator(4);

        using var output = new TrainTransform(16).Apply(pixels, random);

        for (var i = 1; i < 8; i++) Assert.False(output[i].eq(output[0]).all().item<bool>(), $"sample {i} repeats sample 0");
    }

    [Fact]
    public void Should_repeat_for_the_same_generator_seed_and_differ_for_another()
    {
        using var pixels = RandomPixels(8, 24);
        var transform = new TrainTransform(16);
        using var seedA1 = new Generator(21);
        using var seedA2 = new Generator(21);
        using var seedB = new Generator(22);

        using var first = transform.Apply(pixels, seedA1);
        using var again = transform.Apply(pixels, seedA2);
        using var other = transform.Apply(pixels, seedB);

        Assert.True(first.eq(again).all().item<bool>());
        Assert.False(first.eq(other).all().item<bool>());
    }

    [Fact]
    public void Should_reject_augmentation_ranges_out_of_bounds()
    {
        var error = Assert.Throws<ArgumentException>(() => new TrainTransform(16, TrainAugmentation.Default with { MinScale = 1.5 }));
        Assert.Contains("[1.5, 1.2]", error.Message);
    }
}
