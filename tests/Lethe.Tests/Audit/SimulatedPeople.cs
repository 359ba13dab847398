using Lethe.Audit;

namespace Lethe.Tests.Audit;

/// <summary>
/// φ drawn from known distributions, for people none of the pool models trained on. Photo i of person p under model m
/// is φ = μ_i + σ_i·(√ρ·b_mp + √(1 − ρ)·e_mi) with b and e standard normal: each photo has its own level μ_i ~ U(1, 4)
/// and model-to-model spread σ_i ~ U(0.5, 1.5), and each model has its own view of each person, an offset b_mp shared
/// by all of that person's photos (so they are correlated, ρ of the variance). The model tested is one more such draw,
/// plus a shift in φ units that the test chooses per person and photo.
/// </summary>
internal sealed class SimulatedPeople(int poolSize, double personShare, Random random)
{
    /// <summary>The people's φ; person p is named prefix + p and has photos[p] photos.</summary>
    /// <param name="shift">φ added to the tested model on a photo of person p whose spread is σ (so that σ·δ is a
    /// shift of δ pool standard deviations); none when null.</param>
    public PeoplePhi Draw(string prefix, IReadOnlyList<int> photos, Func<int, double, double>? shift = null)
    {
        var images = photos.Sum();
        var (pool, model, identities) = (new double[poolSize, images], new double[images], new string[images]);
        var column = 0;
        for (var person = 0; person < photos.Count; person++)
        {
            var offsets = Enumerable.Range(0, poolSize + 1).Select(_ => Math.Sqrt(personShare) * Normal()).ToArray();
            for (var photo = 0; photo < photos[person]; photo++, column++)
            {
                var (level, spread) = (1 + 3 * random.NextDouble(), 0.5 + random.NextDouble());
                for (var m = 0; m < poolSize; m++) pool[m, column] = level + spread * (offsets[m] + Noise());
                model[column] = level + spread * (offsets[poolSize] + Noise()) + (shift?.Invoke(person, spread) ?? 0);
                identities[column] = $"{prefix}{person:D4}";
            }
        }
        return new PeoplePhi(pool, model, identities);
    }

    /// <summary>n people with the same count of photos.</summary>
    public static int[] Photos(int people, int each) => Enumerable.Repeat(each, people).ToArray();

    private double Noise() => Math.Sqrt(1 - personShare) * Normal();

    private double Normal() =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
