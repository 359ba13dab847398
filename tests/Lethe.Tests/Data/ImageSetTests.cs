using Lethe.Data;
using static TorchSharp.torch;
using Lethe.Models;

namespace Lethe.Tests.Data;

public sealed class ImageSetTests
{
    [Fact]
    public void A_run_of_rows_shares_the_pixels_and_outlives_its_parent_while_other_rows_are_copied()
    {
        var parent = new ImageSet(Enumerable.Range(0, 4).Select(i => new Sample($"{i}.jpg", $"p{i}", [i])).ToArray(),
            arange(4, dtype: ScalarType.Byte).reshape(4, 1, 1, 1).expand(4, 3, 2, 2).contiguous());

        using var run = parent.Subset([1, 2]);
        using var picked = parent.Subset([3, 1]);
        parent.Pixels[1].fill_(9);
        parent.Dispose();

        Assert.Equal(["1.jpg", "2.jpg"], run.Samples.Select(s => s.Name));
        Assert.Equal([9, 2], run.Pixels[.., 0, 0, 0].data<byte>().ToArray());
        Assert.Equal(["3.jpg", "1.jpg"], picked.Samples.Select(s => s.Name));
        Assert.Equal([3, 1], picked.Pixels[.., 0, 0, 0].data<byte>().ToArray());
    }
}
