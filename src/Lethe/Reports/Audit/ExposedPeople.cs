using Lethe.Audit;
using Lethe.Data;
using SkiaSharp;

namespace Lethe.Reports.Audit;

/// <summary>One of the most exposed people of an audit, with a strip of their forget images.</summary>
/// <param name="Identity">The person.</param>
/// <param name="ExposedBy">Methods (seed-dependent ones) that leave the person's ε above <see cref="AuditTable.ExposedEpsilon"/>.</param>
/// <param name="MeanEpsilon">The person's ε averaged over those methods.</param>
/// <param name="EpsilonByMethod">The person's ε under each method, by label.</param>
/// <param name="StripPath">A PNG of the person's forget images side by side, or null when the data has none of them.</param>
public sealed record ExposedPerson(string Identity, IReadOnlyList<string> ExposedBy, double MeanEpsilon,
    IReadOnlyDictionary<string, double> EpsilonByMethod, string? StripPath)
{
    /// <summary>People shown.</summary>
    public const int Shown = 8;
}

/// <summary>
/// Picks the people that the audited methods leave most exposed: ranked by how many methods leave their ε above
/// <see cref="AuditTable.ExposedEpsilon"/>, then by their mean ε over the methods. Methods whose result does not depend
/// on their seed are left out in fixed-original mode, where they expose everyone by construction.
/// </summary>
public static class ExposedPeople
{
    /// <summary>Each thumbnail is the image scaled up by this factor (nearest neighbour, so no detail is invented).</summary>
    private const int Scale = 2;

    public static IReadOnlyList<ExposedPerson> Of(AuditResult result, BenchmarkData data, string thumbsDirectory)
    {
        var methods = result.Methods.Where(m => m.HasPersonEpsilon && (m.DependsOnSeed || result.Mode != "fixed-original")).ToArray();
        if (methods.Length == 0) return [];
        var people = methods[0].Identities.Select(i => i.Identity).ToArray();
        var byMethod = methods.ToDictionary(m => m.Label, m => m.Identities.ToDictionary(i => i.Identity, i => i.Epsilon));
        var ranked = people
            .Select(p => (Identity: p, Exposed: methods.Where(m => byMethod[m.Label][p] > AuditTable.ExposedEpsilon).Select(m => m.Label).ToArray(),
                Mean: methods.Average(m => byMethod[m.Label][p])))
            .OrderByDescending(p => p.Exposed.Length).ThenByDescending(p => p.Mean).ThenBy(p => p.Identity, StringComparer.Ordinal)
            .Take(ExposedPerson.Shown)
            .ToArray();
        Directory.CreateDirectory(thumbsDirectory);
        return ranked.Select(p => new ExposedPerson(p.Identity, p.Exposed, p.Mean,
            methods.ToDictionary(m => m.Label, m => byMethod[m.Label][p.Identity]),
            Strip(data.Forget, p.Identity, Path.Combine(thumbsDirectory, $"{Experiments.RunStore.Slug(p.Identity)}.png")))).ToArray();
    }

    /// <summary>Writes the person's forget images side by side as one PNG; null when the set has none of theirs.</summary>
    private static string? Strip(ImageSet set, string identity, string path)
    {
        var rows = Enumerable.Range(0, set.Count).Where(i => set.Samples[i].Identity == identity).ToArray();
        if (rows.Length == 0) return null;
        var (h, w) = (set.Height, set.Width);
        using var bitmap = new SKBitmap(new SKImageInfo(rows.Length * w * Scale, h * Scale, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var rgba = bitmap.GetPixelSpan();
        var plane = h * w;
        for (var k = 0; k < rows.Length; k++)
        {
            using var image = set.Pixels[rows[k]].contiguous();
            var chw = image.data<byte>().ToArray();
            for (var y = 0; y < h * Scale; y++)
                for (var x = 0; x < w * Scale; x++)
                {
                    var source = y / Scale * w + x / Scale;
                    var target = y * bitmap.RowBytes + 4 * (k * w * Scale + x);
                    rgba[target] = chw[source];
                    rgba[target + 1] = chw[plane + source];
                    rgba[target + 2] = chw[2 * plane + source];
                    rgba[target + 3] = 255;
                }
        }
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        IO.AtomicFile.WriteAllBytes(path, png.ToArray());
        return path;
    }
}
