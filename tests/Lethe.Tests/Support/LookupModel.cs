using Lethe.Data;
using static TorchSharp.torch;
using Lethe.Models;

namespace Lethe.Tests.Support;

/// <summary>
/// A "model" whose answers are a fixed logits table: image i is flat grey level i (so i stays under 256), and the model
/// answers row i for it. Expected accuracies and losses then follow from the table and the labels alone. It also
/// records every image it was shown, as (grey level, marker) with the marker read from the green channel.
/// </summary>
public sealed class LookupModel : nn.Module<Tensor, Tensor>
{
    private readonly Tensor _table;

    public LookupModel(double[,] table) : base("lookup")
    {
        _table = tensor(table.Cast<double>().Select(v => (float)v).ToArray(), [table.GetLength(0), table.GetLength(1)]);
        RegisterComponents();
    }

    /// <summary>Every image shown, in order: (grey level of the red channel, level of the green channel).</summary>
    public List<(int Row, int Marker)> Seen { get; } = [];

    public override Tensor forward(Tensor images)
    {
        var index = Level(images, 0);
        var marker = Level(images, 1);
        Seen.AddRange(index.data<long>().ToArray().Zip(marker.data<long>().ToArray(), (r, m) => ((int)r, (int)m)));
        return _table.index_select(0, index);
    }

    private static Tensor Level(Tensor images, int channel) =>
        images.select(1, channel).select(1, 0).select(1, 0).mul(255).round().to(ScalarType.Int64);

    /// <summary>A table of <paramref name="rows"/> × <paramref name="columns"/> logits in [−4, 4], distinct enough that no row ties.</summary>
    public static double[,] Table(int rows, int columns, Random random)
    {
        var table = new double[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int c = 0; c < columns; c++)
                table[i, c] = Math.Round(random.NextDouble() * 8 - 4, 2);
        return table;
    }

    /// <summary>Image i: 4 × 4 pixels, red and blue level i, green level <paramref name="marker"/>; labels as given.</summary>
    public static ImageSet Images(int[][] labels, byte marker = 0)
    {
        var pixels = new byte[labels.Length * 3 * 16];
        for (int i = 0; i < labels.Length; i++)
        {
            Array.Fill(pixels, (byte)i, i * 48, 48);
            Array.Fill(pixels, marker, i * 48 + 16, 16);
        }
        var samples = labels.Select((l, i) => new Sample($"img{i}.jpg", $"person{i % 5}", l)).ToArray();
        return new ImageSet(samples, tensor(pixels, [labels.Length, 3, 4, 4]));
    }
}
