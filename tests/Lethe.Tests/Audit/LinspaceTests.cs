using Lethe.Audit;

namespace Lethe.Tests.Audit;

public class LinspaceTests
{
    [Fact]
    public void Should_lay_out_both_libraries_grids_with_both_ends_included()
    {
        var numpy = new double[5];
        var torch = new double[5];

        Linspace.NumPy(-1, 1, numpy);
        Linspace.Torch(-1, 1, torch);

        Assert.Equal([-1, -0.5, 0, 0.5, 1], numpy);
        Assert.Equal([-1, -0.5, 0, 0.5, 1], torch);
    }

    [Fact]
    public void Should_count_torch_s_second_half_down_from_the_stop()
    {
        // step = 0.3/3, which is 0.09999999999999999 in double: NumPy's third point is 2·step + 0 = 0.19999999999999998,
        // torch's is 0.3 − 1·step = 0.2. Last-bit differences like this one move no ε in the test vectors.
        var numpy = new double[4];
        var torch = new double[4];

        Linspace.NumPy(0, 0.3, numpy);
        Linspace.Torch(0, 0.3, torch);

        Assert.Equal(0.19999999999999998, numpy[2]);
        Assert.Equal(0.2, torch[2]);
        Assert.Equal(0.3, numpy[3]);
        Assert.Equal(0.3, torch[3]);
    }

    [Fact]
    public void Should_give_the_start_for_a_single_point_and_nothing_for_none()
    {
        var one = new double[1];
        Linspace.NumPy(2, 5, one);
        Assert.Equal(2, one[0]);
        Linspace.Torch(3, 5, one);
        Assert.Equal(3, one[0]);
        Linspace.NumPy(2, 5, Span<double>.Empty);
    }
}
