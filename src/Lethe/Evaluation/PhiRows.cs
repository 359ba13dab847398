using Lethe.Data;
using Lethe.Models;

namespace Lethe.Evaluation;

/// <summary>Turns one set's φ matrix (samples × attributes, from one evaluation pass) into φ table rows.</summary>
public static class PhiRows
{
    /// <summary>One row per sample and attribute, in sample order and then attribute order.</summary>
    /// <param name="set">The set's name, one of <see cref="PhiSets.All"/>.</param>
    /// <param name="samples">The scored samples, in the order of <paramref name="phi"/>'s rows.</param>
    /// <param name="phi">Samples × attributes: one column for a single-attribute task, one per attribute for multi-label.</param>
    /// <param name="indices">Each scored sample's position in the whole set, when only part of it was scored (a sample of
    /// retain); null when the samples are the whole set, in order.</param>
    /// <exception cref="ArgumentException">Counts that disagree.</exception>
    public static IEnumerable<PhiRow> Of(string set, IReadOnlyList<Sample> samples, double[,] phi, IReadOnlyList<int>? indices = null)
    {
        var attributes = phi.GetLength(1);
        if (phi.GetLength(0) != samples.Count || (indices is not null && indices.Count != samples.Count))
            throw new ArgumentException(
                $"{set}: {samples.Count} samples, {phi.GetLength(0)} rows of φ" + (indices is null ? "" : $", {indices.Count} indices"));
        return Rows(set, samples, phi, indices, attributes);
    }

    private static IEnumerable<PhiRow> Rows(string set, IReadOnlyList<Sample> samples, double[,] phi, IReadOnlyList<int>? indices, int attributes)
    {
        for (var i = 0; i < samples.Count; i++)
            for (var a = 0; a < attributes; a++)
                yield return new PhiRow(set, indices?[i] ?? i, samples[i].Identity, a,
                    attributes == 1 ? samples[i].Labels[0] : samples[i].Labels[a], phi[i, a]);
    }
}
