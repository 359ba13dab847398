using Lethe.Data;
using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Tests.Support;

/// <summary>Tiny image sets whose label is visible in the pixels, so a network can learn them within a few steps.</summary>
public static class TinyData
{
    /// <summary><paramref name="count"/> images of side <paramref name="size"/>; class c brightens channel c % 3.</summary>
    public static ImageSet Classes(int count, int size = 16, int classes = 8, int seed = 0)
    {
        var random = new Random(seed);
        var samples = new Sample[count];
        var pixels = new byte[count * 3 * size * size];
        for (int i = 0; i < count; i++)
        {
            int label = random.Next(classes);
            samples[i] = new Sample($"img{i}.jpg", $"person{i % 10}", [label]);
            for (int c = 0; c < 3; c++)
                for (int p = 0; p < size * size; p++)
                    pixels[((i * 3) + c) * size * size + p] = (byte)(random.Next(60) + (c == label % 3 ? 20 * label + 40 : 0));
        }
        return new ImageSet(samples, tensor(pixels, [count, 3, size, size]));
    }
}
