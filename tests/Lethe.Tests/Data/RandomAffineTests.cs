using Lethe.Data.Transforms;
using static TorchSharp.torch;

namespace Lethe.Tests.Data;

/// <summary>The spec's forward map, x' = s·(x − tan φ·y), y' = s·y about the centre, checked on single bright pixels.</summary>
public class RandomAffineTests
{
    private const int Side = 32;

    [Theory]
    // Top rows move right for a positive angle (y < 0), bottom rows move left: x' = x − tan(10°)·(∓13.5) = x ± 2.38.
    [InlineData(2, 10, 10.0, 1.0, 2, 12)]
    [InlineData(29, 10, 10.0, 1.0, 29, 8)]
    [InlineData(2, 10, -10.0, 1.0, 2, 8)]
    // Scale about the centre: (-11.5, -11.5) · 1.2 = (-13.8, -13.8), i.e. row/column 15.5 − 13.8 − 0.5 ≈ 1.2 -> 2 after the
    // inverse map's nearest-neighbour pick ((2 + 0.5 − 16) / 1.2 + 16 − 0.5 = 4.25 -> 4).
    [InlineData(4, 4, 0.0, 1.2, 2, 2)]
    [InlineData(27, 20, 0.0, 0.8, 25, 19)]
    public void Should_move_a_pixel_where_the_forward_map_sends_it(int row, int column, double shearDegrees, double scale,
        int expectedRow, int expectedColumn)
    {
        using var image = zeros(1, 3, Side, Side);
        image[0, .., row, column] = tensor(1f);
        using var s = tensor(new[] { (float)scale });
        using var phi = tensor(new[] { (float)(shearDegrees * Math.PI / 180) });

        using var output = RandomAffine.Apply(image, s, phi);

        Assert.Equal(ExpectedByFormula(row, column, shearDegrees, scale), (expectedRow, expectedColumn));
        var lit = BrightPixels(output);
        Assert.Contains((expectedRow, expectedColumn), lit);
        // A shrink keeps one pixel; a stretch may repeat it only next to the expected place.
        Assert.All(lit, p => Assert.True(Math.Abs(p.Row - expectedRow) <= 1 && Math.Abs(p.Column - expectedColumn) <= 1));
        if (scale <= 1) Assert.Single(lit);
    }

    [Fact]
    public void Should_fill_pixels_that_map_outside_the_source_with_black()
    {
        using var image = ones(1, 3, Side, Side);
        using var s = tensor(new[] { 0.8f });
        using var phi = tensor(new[] { 0f });

        using var output = RandomAffine.Apply(image, s, phi);

        Assert.Equal(0f, output[0, 0, 0, 0].item<float>());
        Assert.Equal(1f, output[0, 0, Side / 2, Side / 2].item<float>());
    }

    [Fact]
    public void Should_leave_the_image_unchanged_for_unit_scale_and_no_shear()
    {
        using var random = new Generator(2);
        using var image = rand(2, 3, Side, Side, generator: random);
        using var s = ones(2);
        using var phi = zeros(2);

        using var output = RandomAffine.Apply(image, s, phi);

        Assert.True(output.eq(image).all().item<bool>());
    }

    [Fact]
    public void Should_mirror_exactly_the_samples_marked_for_a_flip()
    {
        using var random = new Generator(3);
        using var image = rand(2, 3, Side, Side, generator: random);
        using var s = ones(2);
        using var phi = zeros(2);
        using var mirror = tensor(new[] { true, false });

        using var output = RandomAffine.Apply(image, s, phi, mirror);

        Assert.True(output[0].eq(image[0].flip(2)).all().item<bool>());
        Assert.True(output[1].eq(image[1]).all().item<bool>());
    }

    [Fact]
    public void Should_flip_before_the_shear()
    {
        // Flip then shear: the pixel at column 10 of row 2 is mirrored to column 21, then shifted right by 2.38 -> 23.
        using var image = zeros(1, 3, Side, Side);
        image[0, .., 2, 10] = tensor(1f);
        using var s = ones(1);
        using var phi = tensor(new[] { (float)(10 * Math.PI / 180) });
        using var mirror = tensor(new[] { true });

        using var output = RandomAffine.Apply(image, s, phi, mirror);

        Assert.Equal([(2, 23)], BrightPixels(output));
    }

    /// <summary>The spec formula in pixel units (centre at Side/2, pixel centres at +0.5), rounded to the nearest pixel.</summary>
    private static (int Row, int Column) ExpectedByFormula(int row, int column, double shearDegrees, double scale)
    {
        double x = column + 0.5 - Side / 2.0, y = row + 0.5 - Side / 2.0;
        var t = Math.Tan(shearDegrees * Math.PI / 180);
        double xPrime = scale * (x - t * y), yPrime = scale * y;
        return ((int)Math.Round(yPrime + Side / 2.0 - 0.5), (int)Math.Round(xPrime + Side / 2.0 - 0.5));
    }

    private static List<(int Row, int Column)> BrightPixels(Tensor output)
    {
        var values = output[0, 0].data<float>().ToArray();
        var lit = new List<(int, int)>();
        for (var i = 0; i < values.Length; i++)
            if (values[i] > 0.5f) lit.Add((i / Side, i % Side));
        return lit;
    }
}
