using Lethe.Audit;

namespace Lethe.Tests.Audit;

public class AuditScoresTests
{
    [Fact]
    public void Should_score_one_image_identities_exactly_as_their_images_and_as_the_official_scorer()
    {
        // basic_n16 with each image its own person: the mean φ of one image is its φ, so both levels equal the vector.
        var testCase = EpsilonTestVector.Load().Cases.Single(c => c.Name == "basic_n16");
        var names = testCase.Labels.Select((label, i) => $"{i}:{label}").ToArray();

        var scores = AuditScores.Of(testCase.Unlearned, testCase.Retrained, names, names);

        Assert.Equal(testCase.Epsilon, scores.PerImage.Epsilon!.Select(d => d.Epsilon));
        Assert.Equal(testCase.Epsilon, scores.PerIdentity.Epsilon!.Select(d => d.Epsilon));
        Assert.Equal(testCase.ForgetScore, scores.PerIdentity.ForgettingQuality!.Value, 1e-12);
        Assert.Equal(scores.PerImage.Klom, scores.PerIdentity.Klom);
        Assert.Equal(scores.PerImage.ULira!.PerExampleAuc, scores.PerIdentity.ULira!.PerExampleAuc);
    }

    [Fact]
    public void Should_single_out_the_one_person_whose_photos_the_method_did_not_forget()
    {
        // Six people with three photos each, 16 models a side. Unlearned and retrained φ come from one distribution,
        // except for "p3", whose photos the unlearned models still fit (φ 8 higher): a memorised person.
        var random = new Random(7);
        var identities = Enumerable.Range(0, 18).Select(i => $"p{i / 3}").ToArray();
        var images = Enumerable.Range(0, 18).Select(i => $"img{i}").ToArray();
        var (unlearned, retrained) = (new double[16, 18], new double[16, 18]);
        for (var m = 0; m < 16; m++)
            for (var i = 0; i < 18; i++)
            {
                unlearned[m, i] = random.NextDouble() * 3 + (identities[i] == "p3" ? 8 : 0);
                retrained[m, i] = random.NextDouble() * 3;
            }

        var scores = AuditScores.Of(unlearned, retrained, images, identities);

        var identity = scores.PerIdentity;
        Assert.Equal(6, identity.Names.Count);
        Assert.Equal("p3", identity.EpsilonDistribution!.Highest(1)[0].Name);
        Assert.Equal(ChallengeEpsilon.Cap, identity.EpsilonDistribution!.Highest(1)[0].Value);
        // With 16 models a rule that errs on one model a side certifies at most ln 15 ≈ 2.71, so only a person told
        // apart every time scores above 3; chance alone takes the others up to about 2.
        Assert.Equal(1, identity.EpsilonDistribution!.CountAbove(3));
        Assert.Equal("p3", identity.KlomDistribution.Highest(1)[0].Name);
        Assert.Equal(("p3", 1.0), identity.ULiraAucDistribution!.Highest(1)[0]);
        Assert.Equal(3, scores.PerImage.EpsilonDistribution!.CountAbove(3));
        Assert.True(identity.ULiraAucDistribution!.Quantile(0.5) < 0.8, "the other people look retrained");
    }

    [Fact]
    public void Should_refuse_name_lists_of_another_length() =>
        Assert.Throws<ArgumentException>(() => AuditScores.Of(new double[3, 2], new double[3, 2], ["a"], ["x", "y"]));
}
