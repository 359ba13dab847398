namespace Lethe.Audit;

/// <summary>One person's images, summarised for the per-person test.</summary>
/// <param name="Identity">The person.</param>
/// <param name="Photos">n, how many images the person has.</param>
/// <param name="MeanZ">The mean Gaussian z over the images: pool standard deviations above the pool.</param>
/// <param name="Statistic">T, the mean of the test's image score over the images.</param>
/// <param name="WithinSquares">Σ (score − T)² over the images: the person's share of the within-person variance.</param>
internal readonly record struct PersonStatistic(string Identity, int Photos, double MeanZ, double Statistic, double WithinSquares)
{
    /// <summary>Each person's statistic, in the order of their first image.</summary>
    public static PersonStatistic[] Of(PeoplePhi people, ImageScorer scorer)
    {
        var scores = Enumerable.Range(0, people.Images).Select(i => scorer.Of(people, i)).ToArray();
        var groups = IdentityGroups.Of(people.IdentityOfImage);
        return Enumerable.Range(0, groups.Identities.Count).Select(person =>
        {
            var images = groups.ColumnsOf(person);
            var statistic = images.Average(i => scores[i].Score);
            var squares = images.Sum(i => (scores[i].Score - statistic) * (scores[i].Score - statistic));
            return new PersonStatistic(groups.Identities[person], images.Count, images.Average(i => scores[i].Z), statistic, squares);
        }).ToArray();
    }
}
