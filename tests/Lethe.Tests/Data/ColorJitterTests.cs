using Lethe.Data.Transforms;
using static TorchSharp.torch;

namespace Lethe.Tests.Data;

/// <summary>The three colour ops against values worked out by hand on a two-pixel image.</summary>
public class ColorJitterTests
{
    /// <summary>[1, 3, 1, 2] from two RGB pixels.</summary>
    private static Tensor TwoPixels(float[] first, float[] second) =>
        tensor(new[] { first[0], second[0], first[1], second[1], first[2], second[2] }, [1, 3, 1, 2]);

    private static float[] Jitter(Tensor image, float brightness, float contrast, float saturation, params long[] order)
    {
        using var factors = tensor(new[] { brightness, contrast, saturation }, [1, 3]);
        using var ops = tensor(order.Length == 0 ? [0L, 1, 2] : order, [1, 3]);
        using var output = ColorJitter.Apply(image, factors, ops);
        return output.data<float>().ToArray();
    }

    [Fact]
    public void Should_scale_brightness_and_clamp_to_one()
    {
        using var image = TwoPixels([0.5f, 0.9f, 0.1f], [0f, 0f, 0f]);

        var output = Jitter(image, 1.2f, 1f, 1f);

        // Channel-major: R of both pixels, then G, then B. 0.9 * 1.2 = 1.08 clamps to 1.
        AssertClose([0.6f, 0f, 1f, 0f, 0.12f, 0f], output);
    }

    [Fact]
    public void Should_blend_contrast_with_the_mean_grey_level_of_the_image()
    {
        // Grey levels 0.299 (red) and 0.114 (blue): mean 0.2065. Contrast 0.8: 0.8·x + 0.2·0.2065.
        using var image = TwoPixels([1f, 0f, 0f], [0f, 0f, 1f]);

        var output = Jitter(image, 1f, 0.8f, 1f);

        const float m = 0.2f * 0.2065f;
        AssertClose([0.8f + m, m, m, m, m, 0.8f + m], output);
    }

    [Fact]
    public void Should_blend_saturation_with_each_pixels_grey_level()
    {
        // Red has grey 0.299: 0.5·(1, 0, 0) + 0.5·0.299 = (0.6495, 0.1495, 0.1495). Grey pixels do not change.
        using var image = TwoPixels([1f, 0f, 0f], [0.4f, 0.4f, 0.4f]);

        var output = Jitter(image, 1f, 1f, 0.5f);

        AssertClose([0.6495f, 0.4f, 0.1495f, 0.4f, 0.1495f, 0.4f], output);
    }

    [Fact]
    public void Should_apply_the_ops_in_the_given_order()
    {
        // Grey pixels 0.8 and 0.2 (mean 0.5). Brightness 1.5 then contrast 0.5: 1.2 clamps to 1, 0.3; new mean 0.65;
        // -> 0.825, 0.475. Contrast first: 0.65, 0.35, then brightness: 0.975, 0.525. Without the clamp they would commute.
        using var image = TwoPixels([0.8f, 0.8f, 0.8f], [0.2f, 0.2f, 0.2f]);

        var brightnessFirst = Jitter(image, 1.5f, 0.5f, 1f, 0, 1, 2);
        var contrastFirst = Jitter(image, 1.5f, 0.5f, 1f, 1, 0, 2);

        AssertClose([0.825f, 0.475f, 0.825f, 0.475f, 0.825f, 0.475f], brightnessFirst);
        AssertClose([0.975f, 0.525f, 0.975f, 0.525f, 0.975f, 0.525f], contrastFirst);
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 5);
    }
}
