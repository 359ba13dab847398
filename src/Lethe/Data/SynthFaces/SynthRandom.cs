using SkiaSharp;

namespace Lethe.Data;

/// <summary>Draws from a seeded <see cref="Random"/> in the shapes the generator needs.</summary>
internal static class SynthRandom
{
    public static float Uniform(this Random random, double low, double high) => (float)(low + (high - low) * random.NextDouble());

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>Standard normal (Box-Muller; only one of the pair is used, to keep the stream position simple).</summary>
    public static float Normal(this Random random)
    {
        double u = 1.0 - random.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * random.NextDouble()));
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A colour on the polyline through <paramref name="anchors"/> at a uniform position.</summary>
    public static SKColor Along(this Random random, IReadOnlyList<SKColor> anchors)
    {
        double t = random.NextDouble() * (anchors.Count - 1);
        int i = Math.Min((int)t, anchors.Count - 2);
        return Mix(anchors[i], anchors[i + 1], (float)(t - i));
    }

    /// <summary>The colour moved by up to <paramref name="amount"/> grey levels per channel.</summary>
    public static SKColor Jitter(this Random random, SKColor color, int amount) => new(
        Clamp(color.Red + random.Next(-amount, amount + 1)),
        Clamp(color.Green + random.Next(-amount, amount + 1)),
        Clamp(color.Blue + random.Next(-amount, amount + 1)));

    public static SKColor Mix(SKColor a, SKColor b, float t) => new(
        Clamp(a.Red + (b.Red - a.Red) * t), Clamp(a.Green + (b.Green - a.Green) * t), Clamp(a.Blue + (b.Blue - a.Blue) * t));

    public static SKColor Scale(SKColor c, float factor) => new(Clamp(c.Red * factor), Clamp(c.Green * factor), Clamp(c.Blue * factor));

    public static float Lerp(float a, float b, float t) => a + (b - a) * t;

    private static byte Clamp(double v) => (byte)Math.Clamp(Math.Round(v), 0, 255);
}
