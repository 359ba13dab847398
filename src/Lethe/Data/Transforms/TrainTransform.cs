using Lethe.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Lethe.Data.Transforms;

/// <summary>
/// The training transform (the reference's <c>train_transform</c>): resize as <see cref="EvalTransform"/>, random
/// horizontal flip, random scale and shear, colour jitter in a random order, all with fresh randomness per sample from
/// the given generator. The whole batch is processed at once.
/// </summary>
public sealed class TrainTransform : IImageTransform
{
    public TrainTransform(int size = 128, TrainAugmentation? options = null)
    {
        if (size <= 0) throw new ArgumentException($"image size must be positive, got {size}");
        Options = options ?? TrainAugmentation.Default;
        Options.Validate();
        Size = size;
    }

    public int Size { get; }

    public TrainAugmentation Options { get; }

    public Tensor Apply(Tensor pixels, Generator random)
    {
        using var scope = NewDisposeScope();
        var batch = pixels.shape[0];
        // Every draw happens, in this fixed order, whatever is enabled: switching one augmentation off never shifts the
        // random numbers of another.
        var flipDraw = rand(batch, generator: random);
        var scaleDraw = rand(batch, generator: random);
        var shearDraw = rand(batch, generator: random);
        var jitterDraw = rand(batch, 3, generator: random);
        var orderDraw = rand(batch, 3, generator: random);

        var x = Resize.ToUnitSquare(pixels, Size);
        using var flipProbability = Options.FlipProbability.ToScalar(); // held through the calls that read them (see Scalars)
        using var radiansPerDegree = (Math.PI / 180).ToScalar();
        var mirror = Options.Flips ? flipDraw.lt(flipProbability) : null;
        if (Options.Warps)
            x = RandomAffine.Apply(x, Uniform(scaleDraw, Options.MinScale, Options.MaxScale),
                Uniform(shearDraw, -Options.MaxShearDegrees, Options.MaxShearDegrees).mul_(radiansPerDegree), mirror);
        else if (mirror is not null)
            x = where(mirror.view(batch, 1, 1, 1), x.flip(3), x);
        if (Options.Jitters)
            x = ColorJitter.Apply(x, JitterFactors(jitterDraw), orderDraw.argsort(1));
        return x.MoveToOuterDisposeScope();
    }

    private Tensor JitterFactors(Tensor draw)
    {
        // Column order matches ColorJitter's op ids: brightness, contrast, saturation.
        using var half = tensor(new[] { (float)Options.Brightness, (float)Options.Contrast, (float)Options.Saturation });
        return draw.mul(Scalars.Two).sub_(Scalars.One).mul_(half).add_(Scalars.One, Scalars.One);
    }

    private static Tensor Uniform(Tensor draw, double low, double high)
    {
        using var width = (high - low).ToScalar(); // held through the calls that read them (see Scalars)
        using var start = low.ToScalar();
        return draw.mul(width).add_(start, Scalars.One);
    }

    public override string ToString() => $"train-{Size} {Options}";
}
