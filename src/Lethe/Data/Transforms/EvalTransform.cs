using static TorchSharp.torch;

namespace Lethe.Data.Transforms;

/// <summary>
/// The evaluation transform, the reference's <c>test_transform</c> (<c>Resize(128)</c>, <c>ToTensor()</c>): resize the
/// shorter side to <see cref="Size"/> (bilinear with antialiasing, as PIL does), centre-crop to a square (Lethe's: the
/// reference could not batch non-square images), scale to [0, 1]. Deterministic: it never touches the generator.
/// </summary>
public sealed class EvalTransform : IImageTransform
{
    public EvalTransform(int size = 128)
    {
        if (size <= 0) throw new ArgumentException($"image size must be positive, got {size}");
        Size = size;
    }

    public int Size { get; }

    public Tensor Apply(Tensor pixels, Generator random) => Resize.ToUnitSquare(pixels, Size);

    public override string ToString() => $"eval-{Size}";
}
