using Lethe.Audit;
using Lethe.Tests.Support;

namespace Lethe.Tests.Audit;

/// <summary>
/// The per-person test on φ drawn from known distributions (<see cref="SimulatedPeople"/>: photos correlated within a
/// person, ρ = 0.3 of the model-to-model variance shared by a person's photos).
/// </summary>
public class PersonMembershipTests(ITestOutputHelper output)
{
    private const double Rho = 0.3;

    [Theory]
    [InlineData(8, 1)]
    [InlineData(4, 2)]
    public void Should_give_uniform_p_values_when_the_model_is_one_more_pool_draw(int poolSize, int seed)
    {
        // Given 400 independent worlds shaped as SynthFaces' default (40 forget people with 14 photos, 40 unseen with
        // 13), each with its own pool and a model drawn as the pool models are (K = 8: Gaussian z; K = 4: ranks).
        // People of one world share one calibration, so their p-values are not independent; one forget and one unseen
        // person a world are, as a KS test needs
        var random = new Random(seed);
        var results = Enumerable.Range(0, 400).Select(_ =>
        {
            var world = new SimulatedPeople(poolSize, Rho, random);
            return PersonMembership.Test(world.Draw("f", SimulatedPeople.Photos(40, 14)), world.Draw("u", SimulatedPeople.Photos(40, 13)));
        }).ToArray();

        // Then their p-values are uniform by Kolmogorov–Smirnov at α = 0.01 (D < 0.0809 for n = 400), no more than a
        // fortieth fall below 0.01, and BH flags at most a tenth of either set, on average and in 95% of worlds
        Assert.All(results, r => Assert.Equal(poolSize >= 8 ? ImageScoreKind.Gaussian : ImageScoreKind.Rank, r.Score));
        AssertUniform(results.Select(r => r.Forget[0].P).ToArray(), "forget");
        AssertUniform(results.Select(r => r.Unseen[0].P).ToArray(), "unseen, leave-one-out");
        AssertFewFlagged(results);
    }

    [Fact]
    public void Should_judge_each_person_with_the_spread_of_their_own_photo_count()
    {
        // Given 400 worlds whose people have 1 or 16 photos, in turn, in both sets, and a weak person effect (ρ = 0.1), so
        // that a one-photo person's T spreads three times as widely as a sixteen-photo person's: one spread for all would
        // flag the one-photo people too often and hardly ever the sixteen-photo people
        var random = new Random(3);
        int[] OneOrSixteen(int people) => Enumerable.Range(0, people).Select(p => p % 2 == 0 ? 1 : 16).ToArray();
        var results = Enumerable.Range(0, 400).Select(_ =>
        {
            var world = new SimulatedPeople(8, 0.1, random);
            return PersonMembership.Test(world.Draw("f", OneOrSixteen(40)), world.Draw("u", OneOrSixteen(40)));
        }).ToArray();

        // Then the sixteen-photo people's p-values are uniform, and the one-photo people's are where it counts: 5% below
        // 0.05. Their far tail is heavier (a single z is Student-t with K − 1 = 7 degrees of freedom, not normal: about
        // 2.2% of them fall below 0.01 over 800 worlds, so 0.04 leaves two binomial sds for 400), which the SinglePhoto
        // flag warns of
        Assert.All(results, r => Assert.Equal((1, 16, 20), (r.Forget[0].Photos, r.Forget[1].Photos, r.ForgetSummary.SinglePhotoPeople)));
        AssertUniform(results.Select(r => r.Forget[1].P).ToArray(), "forget people with 16 photos");
        var one = results.Select(r => r.Forget[0].P).ToArray();
        output.WriteLine($"one photo: p < 0.05 {one.Count(p => p < 0.05) / 400.0:F4}, p < 0.01 {one.Count(p => p < 0.01) / 400.0:F4}, KS D {KolmogorovSmirnov.UniformStatistic(one):F4}");
        Assert.InRange(one.Count(p => p < 0.05) / 400.0, 0.03, 0.07);
        Assert.InRange(one.Count(p => p < 0.01) / 400.0, 0, 0.04);
        AssertFewFlagged(results);
    }

    [Fact]
    public void Should_find_the_people_on_whose_every_photo_the_model_sits_higher()
    {
        // Given 100 forget people, of whom the first 30 have φ raised by 2.5 pool standard deviations on every photo,
        // and 100 unseen people, 10 photos each, a pool of 8. With ρ = 0.3 a model's own view of a person spreads its
        // mean z by about 0.8 pool sds, so 2.5 sds is about 3 person sds (power over 40 seeds: 0.09 at 1 sd, 0.38 at
        // 1.5, 0.77 at 2, 0.94 at 2.5, 0.99 at 3)
        const int shifted = 30;
        var world = new SimulatedPeople(8, Rho, new Random(4));
        var forget = world.Draw("f", SimulatedPeople.Photos(100, 10), (person, sd) => person < shifted ? 2.5 * sd : 0);
        var unseen = world.Draw("u", SimulatedPeople.Photos(100, 10));

        var result = PersonMembership.Test(forget, unseen);

        // Then at least 80% of the shifted people are exposed, at most a tenth of the others are, and the effect of
        // the shifted people reads about 2.5 pool sds above that of the others
        var power = result.Forget.Take(shifted).Count(p => p.Verdict == PersonVerdict.Exposed) / (double)shifted;
        var falseShare = result.Forget.Skip(shifted).Count(p => p.Verdict == PersonVerdict.Exposed) / (double)(100 - shifted);
        var effectGap = result.Forget.Take(shifted).Average(p => p.MeanZ) - result.Forget.Skip(shifted).Average(p => p.MeanZ);
        output.WriteLine($"power {power:F3}, unshifted flagged {falseShare:F3}, unseen flagged {result.UnseenSummary.ExposedShare:F3}, mean z gap {effectGap:F2}");
        Assert.InRange(power, 0.8, 1);
        Assert.InRange(falseShare, 0, 0.10);
        Assert.InRange(result.UnseenSummary.ExposedShare, 0, 0.10);
        Assert.InRange(effectGap, 2, 3.5);
        Assert.All(result.Forget.Where(p => p.Verdict == PersonVerdict.Exposed), p => Assert.True(p.Q <= 0.05 && p.CorrectedEffect > 0));
    }

    [Fact]
    public void Should_not_flag_everyone_when_the_model_is_more_confident_on_every_face()
    {
        // Given 200 worlds shaped as SynthFaces' default, in which the model is one more pool draw plus 1 in φ on every
        // image, forget and unseen: more than one pool sd on most photos
        var random = new Random(5);
        var results = Enumerable.Range(0, 200).Select(_ =>
        {
            var world = new SimulatedPeople(8, Rho, random);
            return PersonMembership.Test(world.Draw("f", SimulatedPeople.Photos(40, 14), (_, _) => 1.0),
                world.Draw("u", SimulatedPeople.Photos(40, 13), (_, _) => 1.0));
        }).ToArray();

        // Then the model does sit well above the pool, yet the unseen people carry the same shift and so few are flagged
        var meanZ = results.Average(r => r.Forget.Average(p => p.MeanZ));
        output.WriteLine($"mean z of forget people {meanZ:F3}");
        Assert.InRange(meanZ, 1, double.PositiveInfinity);
        AssertFewFlagged(results);
    }

    [Theory]
    [InlineData(1, "A pool of 1 model has no spread (K = 1)")]
    [InlineData(0, "A pool of 0 models has no spread (K = 0)")]
    public void Should_refuse_a_pool_of_fewer_than_two_models(int poolSize, string message)
    {
        var world = new SimulatedPeople(poolSize, Rho, new Random(6));

        var error = Assert.Throws<ArgumentException>(() =>
            PersonMembership.Test(world.Draw("f", SimulatedPeople.Photos(5, 3)), world.Draw("u", SimulatedPeople.Photos(5, 3))));

        Assert.StartsWith(message + ": the per-person test needs at least 2 retrained models.", error.Message);
    }

    [Fact]
    public void Should_test_a_person_with_one_photo_and_say_so()
    {
        // Given a forget person and an unseen person with a single photo among people with five
        var world = new SimulatedPeople(8, Rho, new Random(7));
        var forget = world.Draw("f", [5, 1, 5, 5]);
        var unseen = world.Draw("u", [5, 5, 1, 5, 5]);

        var result = PersonMembership.Test(forget, unseen);

        // Then both are judged, with a p-value, and flagged as one-photo people; nobody else is
        Assert.Equal([false, true, false, false], result.Forget.Select(p => p.SinglePhoto));
        Assert.Equal([false, false, true, false, false], result.Unseen.Select(p => p.SinglePhoto));
        Assert.Equal((1, 1), (result.ForgetSummary.SinglePhotoPeople, result.UnseenSummary.SinglePhotoPeople));
        Assert.All(result.Forget.Concat(result.Unseen), p => Assert.InRange(p.P, 0, 1));
        Assert.Equal(result.Forget[1].MeanZ, result.Forget[1].Statistic);
    }

    [Fact]
    public void Should_refuse_input_the_test_cannot_read()
    {
        var world = new SimulatedPeople(8, Rho, new Random(8));
        var forget = world.Draw("f", SimulatedPeople.Photos(4, 3));
        var unseen = world.Draw("u", SimulatedPeople.Photos(4, 3));

        Assert.Contains("at least 3", Assert.Throws<ArgumentException>(() =>
            PersonMembership.Test(forget, world.Draw("u", SimulatedPeople.Photos(2, 3)))).Message);
        Assert.Contains("'f0000' is both", Assert.Throws<ArgumentException>(() =>
            PersonMembership.Test(forget, world.Draw("f", SimulatedPeople.Photos(4, 3)))).Message);
        Assert.Contains("the unseen pool 4", Assert.Throws<ArgumentException>(() =>
            PersonMembership.Test(forget, new SimulatedPeople(4, Rho, new Random(9)).Draw("u", SimulatedPeople.Photos(4, 3)))).Message);
        Assert.Contains("model φ", Assert.Throws<ArgumentException>(() =>
            PersonMembership.Test(forget with { Model = forget.Model.Skip(1).ToArray() }, unseen)).Message);
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() =>
            PersonMembership.Test(forget, unseen with { Model = [.. unseen.Model.Skip(1), double.NaN] })).Message);
        Assert.Throws<ArgumentException>(() => PersonMembership.Test(forget, unseen, new PersonMembershipOptions(Alpha: 0)));
    }

    private void AssertUniform(double[] p, string who)
    {
        var d = KolmogorovSmirnov.UniformStatistic(p);
        var critical = KolmogorovSmirnov.Critical01(p.Length);
        output.WriteLine($"{who}: KS D = {d:F4} (n = {p.Length}, critical at 0.01 = {critical:F4})");
        Assert.True(d < critical, $"{who}: KS D = {d:F4} ≥ {critical:F4} (n = {p.Length})");
    }

    private void AssertFewFlagged(PersonMembershipResult[] results)
    {
        var (forget, unseen) = (results.Select(r => r.ForgetSummary.ExposedShare).ToArray(), results.Select(r => r.UnseenSummary.ExposedShare).ToArray());
        var tail = results.Average(r => r.Forget.Count(p => p.P < 0.01) / (double)r.Forget.Count);
        output.WriteLine($"flagged share: forget {forget.Average():F4} (worlds above 0.10: {forget.Count(s => s > 0.10)}), " +
            $"unseen {unseen.Average():F4} (above 0.10: {unseen.Count(s => s > 0.10)}); forget p < 0.01: {tail:F4}");
        Assert.InRange(tail, 0, 0.025);
        Assert.InRange(forget.Average(), 0, 0.10);
        Assert.InRange(unseen.Average(), 0, 0.10);
        Assert.InRange(forget.Count(s => s > 0.10), 0, results.Length / 20);
        Assert.InRange(unseen.Count(s => s > 0.10), 0, results.Length / 20);
    }
}
