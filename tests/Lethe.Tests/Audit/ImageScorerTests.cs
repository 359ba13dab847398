using Lethe.Audit;

namespace Lethe.Tests.Audit;

public class ImageScorerTests
{
    [Fact]
    public void Should_score_the_rank_of_the_model_among_a_small_pool_worked_by_hand()
    {
        // K = 4: the standardised rank is (R − 2)/√(4·6/12) = (R − 2)/√2. Above all four: R = 4, score √2. Tied with
        // the 2nd of {1, 2, 3, 4}: R = 1 + ½, score −0.5/√2. Below all: −√2.
        var people = new PeoplePhi(Pool([1, 1, 1], [2, 2, 2], [3, 3, 3], [4, 4, 4]), [5, 2, 0], ["a", "a", "a"]);
        var scorer = new ImageScorer([people], 4, PersonMembershipOptions.Default);

        Assert.Equal(ImageScoreKind.Rank, scorer.Kind);
        Assert.Equal(Math.Sqrt(2), scorer.Of(people, 0).Score, 1e-15);
        Assert.Equal(-0.5 / Math.Sqrt(2), scorer.Of(people, 1).Score, 1e-15);
        Assert.Equal(-Math.Sqrt(2), scorer.Of(people, 2).Score, 1e-15);
    }

    [Fact]
    public void Should_floor_the_pool_sd_at_a_quarter_of_the_median_worked_by_hand()
    {
        // Two images, a pool of 8. Image 0: φ = 0 ± 1 alternately, mean 0, sd √(8/7). Image 1: every model gives 5, sd 0.
        // Median sd = √(8/7)/2, floor = √(8/7)/8. Model φ = 1 on image 0: z = 1/√(8/7); φ = 5.1 on image 1: z = 0.1/floor.
        double[] zeroOne = [1, -1, 1, -1, 1, -1, 1, -1];
        var pool = Pool(zeroOne.Select(x => new[] { x, 5.0 }).ToArray());
        var people = new PeoplePhi(pool, [1, 5.1], ["a", "b"]);
        var scorer = new ImageScorer([people], 8, PersonMembershipOptions.Default);

        var floor = Math.Sqrt(8.0 / 7) / 8;
        Assert.Equal(ImageScoreKind.Gaussian, scorer.Kind);
        Assert.Equal(floor, scorer.SdFloor, 1e-15);
        Assert.Equal(1 / Math.Sqrt(8.0 / 7), scorer.Of(people, 0).Z, 1e-14);
        Assert.Equal(0.1 / floor, scorer.Of(people, 1).Z, 1e-12);
        Assert.Equal(scorer.Of(people, 1).Z, scorer.Of(people, 1).Score);
    }

    private static double[,] Pool(params double[][] models)
    {
        var pool = new double[models.Length, models[0].Length];
        for (var m = 0; m < models.Length; m++)
            for (var i = 0; i < models[m].Length; i++) pool[m, i] = models[m][i];
        return pool;
    }
}
