using Lethe.Audit;
using Lethe.Numerics;

namespace Lethe.Tests.Audit;

public class UnseenPopulationTests
{
    [Fact]
    public void Should_split_the_spread_into_person_and_photo_parts_worked_by_hand()
    {
        // Three unseen people with two photos each, T = 0, 1, 2, each with Σ(s − T)² = 0.5.
        // σ_w² = 1.5 / 3 = 0.5; V = (1 + 0 + 1)/2 = 1; mean(1/n) = 0.5; τ² = 1 − 0.5·0.5 = 0.75.
        var population = UnseenPopulation.Fit([Person(0, 2, 0.5), Person(1, 2, 0.5), Person(2, 2, 0.5)]);

        Assert.Equal(new UnseenPopulation(3, 1, 0.75, 0.5, 0.5), population);
        // A two-photo person spreads as the people fitted (√V = 1); a one-photo person wider: √(0.75 + 0.5).
        Assert.Equal(1, population.PersonSd(2), 1e-15);
        Assert.Equal(Math.Sqrt(1.25), population.PersonSd(1), 1e-15);
    }

    [Fact]
    public void Should_weigh_people_by_their_photos_when_counts_differ_worked_by_hand()
    {
        // T = 0 (1 photo), 1 and 3 (4 photos, Σ(s − T)² = 1.5 each): σ_w² = 3/6 = 0.5, weights n/σ_w² = 2, 8, 8.
        // T̄_w = 32/18 = 16/9; Q = (2·256 + 8·49 + 8·121)/81 = 1872/81; Σw − Σw²/Σw = 18 − 132/18 = 32/3;
        // τ² = (1872/81 − 2)·3/32 = 95/48. The unweighted moments would give V − σ_w²·mean(1/n) = 7/3 − 1/4 = 25/12.
        var population = UnseenPopulation.Fit([Person(0, 1, 0), Person(1, 4, 1.5), Person(3, 4, 1.5)]);

        Assert.Equal(95.0 / 48, population.BetweenVariance, 1e-14);
        Assert.Equal((0.5, 4.0 / 3, 0.5), (population.WithinVariance, population.Mean, population.MeanInversePhotos));
    }

    [Fact]
    public void Should_judge_a_person_by_the_t_prediction_worked_by_hand()
    {
        // T = 3 with two photos: effect (3 − 1)/1 = 2. Var μ̂ = (0.75 + 0.5·0.5)/3 = 1/3, so t = 2/√(4/3) = √3 on
        // 2 degrees of freedom: P(T₂ > √3) = ½ − √3/(2√(2 + 3)) = 0.11270.
        var population = UnseenPopulation.Fit([Person(0, 2, 0.5), Person(1, 2, 0.5), Person(2, 2, 0.5)]);

        var (effect, p) = population.Judge(3, 2);

        Assert.Equal(2, effect, 1e-14);
        Assert.Equal(0.5 - Math.Sqrt(3) / (2 * Math.Sqrt(5)), p, 1e-13);
        Assert.Equal(StudentT.UpperTail(Math.Sqrt(3), 2), p, 1e-15);
    }

    [Fact]
    public void Should_give_every_person_the_one_photo_spread_when_no_unseen_person_has_two()
    {
        // σ_w² cannot be told from τ²: σ_w² = 0, τ² = V = 1, the same spread whatever the photo count (conservative).
        var population = UnseenPopulation.Fit([Person(0, 1, 0), Person(1, 1, 0), Person(2, 1, 0)]);

        Assert.Equal((1.0, 0.0), (population.BetweenVariance, population.WithinVariance));
        Assert.Equal(population.PersonSd(1), population.PersonSd(20));
    }

    [Fact]
    public void Should_refuse_unseen_people_with_no_spread()
    {
        Assert.Contains("no spread", Assert.Throws<ArgumentException>(() =>
            UnseenPopulation.Fit([Person(1, 3, 0), Person(1, 3, 0), Person(1, 3, 0)])).Message);
    }

    private static PersonStatistic Person(double statistic, int photos, double withinSquares) =>
        new($"u{statistic}", photos, statistic, statistic, withinSquares);
}
