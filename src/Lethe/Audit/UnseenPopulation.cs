using Lethe.Numerics;

namespace Lethe.Audit;

/// <summary>
/// The distribution of the person statistic T over people nobody trained on, under the model tested: what T looks like
/// for a non-member once the model's own shift against the pool is in it. A person is judged against it, as RMIA judges
/// a sample against population samples, so a model that is more confident than the pool on every face is not thereby
/// exposed.
/// </summary>
/// <remarks>
/// A person's photos are correlated, so T is modelled as T = μ + b + ē: a person effect b with variance τ² (between
/// people) and the mean of n photo effects with variance σ_w² each (within a person), Var T = τ² + σ_w²/n. σ_w² is the
/// pooled within-person variance of the image scores, Σ_j Σ_i (s_ji − T_j)² / Σ_j (n_j − 1), and τ² DerSimonian and
/// Laird's moment estimator, as in a random-effects meta-analysis where each person is a study. When every person has
/// the same n, Var T is just the sample variance of T. When no person has two photos, σ_w² cannot be told apart from τ²;
/// it is taken as 0, which gives every person the variance of a one-photo person: conservative. μ̂ is the plain mean of
/// the unseen T, with variance Var μ̂ = (τ² + σ_w²·mean(1/n_j)) / n_u. The p-value of T is one-sided (more member-like
/// than a non-member) from Student's t with n_u − 1 degrees of freedom, on (T − μ̂) / √(Var T + Var μ̂): the prediction
/// of one more person from n_u with an estimated mean and variance (exact when T is normal and the counts are equal;
/// with unequal counts an approximation, whose calibration the tests check by simulation).
/// </remarks>
/// <param name="People">n_u, the unseen people the fit is made on.</param>
/// <param name="Mean">μ̂, the mean of their T.</param>
/// <param name="BetweenVariance">τ², the variance of the person effect.</param>
/// <param name="WithinVariance">σ_w², the variance of one image's score about its person's mean.</param>
/// <param name="MeanInversePhotos">mean(1/n_j) over the unseen people.</param>
public sealed record UnseenPopulation(int People, double Mean, double BetweenVariance, double WithinVariance, double MeanInversePhotos)
{
    /// <summary>The standard deviation of T for a non-member with <paramref name="photos"/> photos: √(τ² + σ_w²/n).</summary>
    public double PersonSd(int photos) => Math.Sqrt(BetweenVariance + WithinVariance / photos);

    /// <summary>Fits the population to the people's statistics.</summary>
    /// <exception cref="ArgumentException">Fewer than 2 people, or statistics with no spread at all.</exception>
    internal static UnseenPopulation Fit(IReadOnlyCollection<PersonStatistic> people)
    {
        if (people.Count < 2)
            throw new ArgumentException($"The shift calibration needs at least 2 unseen people to measure a spread, got {people.Count}.", nameof(people));
        var mean = people.Average(p => p.Statistic);
        var variance = people.Sum(p => (p.Statistic - mean) * (p.Statistic - mean)) / (people.Count - 1);
        var withinFreedom = people.Sum(p => p.Photos - 1);
        var within = withinFreedom > 0 ? people.Sum(p => p.WithinSquares) / withinFreedom : 0;
        if (!(variance > 0 || within > 0))
            throw new ArgumentException(
                "The unseen people's statistics have no spread (the model tested gives the same score on every unseen image): the calibration cannot scale an effect.",
                nameof(people));
        var between = within > 0 ? DerSimonianLaird(people, within) : variance;
        return new UnseenPopulation(people.Count, mean, between, within, people.Average(p => 1.0 / p.Photos));
    }

    /// <summary>
    /// τ² by DerSimonian and Laird's moment estimator, each person weighted by the inverse of their photo noise, w = n/σ_w²:
    /// (Q − (n_u − 1)) / (Σw − Σw²/Σw), floored at 0, with Q = Σ w (T − T̄_w)². People with many photos, whose T is
    /// mostly person effect, count the most; with equal counts it is V − σ_w²/n.
    /// </summary>
    private static double DerSimonianLaird(IReadOnlyCollection<PersonStatistic> people, double within)
    {
        var (sum, squares) = (people.Sum(p => p.Photos / within), people.Sum(p => Math.Pow(p.Photos / within, 2)));
        var weightedMean = people.Sum(p => p.Photos / within * p.Statistic) / sum;
        var q = people.Sum(p => p.Photos / within * (p.Statistic - weightedMean) * (p.Statistic - weightedMean));
        return Math.Max(0, (q - (people.Count - 1)) / (sum - squares / sum));
    }

    /// <summary>A person's effect (T − μ̂)/√Var T, in non-member standard deviations, and its one-sided p-value.</summary>
    internal (double Effect, double P) Judge(double statistic, int photos)
    {
        var personVariance = BetweenVariance + WithinVariance / photos;
        var meanVariance = (BetweenVariance + WithinVariance * MeanInversePhotos) / People;
        var shift = statistic - Mean;
        return (shift / Math.Sqrt(personVariance), StudentT.UpperTail(shift / Math.Sqrt(personVariance + meanVariance), People - 1));
    }
}
