using Lethe.Evaluation.Metrics;
using Lethe.Tests.Support;
using static TorchSharp.torch;

namespace Lethe.Tests.Evaluation.Metrics;

/// <summary>The identity probe picks out a person whose features carry a direction of their own, and not one without.</summary>
public class IdentityProbeTests
{
    [Fact]
    public void A_person_with_a_planted_direction_is_found_and_one_without_is_at_chance()
    {
        var random = new Random(5);
        const int d = 48;
        double[,] Gaussian(int n, Action<double[,], int>? plant = null)
        {
            var m = new double[n, d];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < d; j++) m[i, j] = LinearProbeTests.Gaussian(random);
                plant?.Invoke(m, i);
            }
            return m;
        }
        // Person "marked" has 10 photos sharing +6σ along feature 0 (5 to train on, 5 held out); "plain" has 10 photos like everyone else.
        var marked = Gaussian(10, (m, i) => m[i, 0] += 6);
        var plain = Gaussian(10);
        var forget = new double[20, d];
        for (var i = 0; i < 10; i++)
            for (var j = 0; j < d; j++) (forget[i, j], forget[10 + i, j]) = (marked[i, j], plain[i, j]);
        string[] identities = [.. Enumerable.Repeat("marked", 10), .. Enumerable.Repeat("plain", 10)];
        var scores = IdentityProbe.Scores(forget, identities, Gaussian(200)).ToDictionary(s => s.Identity, s => s.Score);
        Assert.True(scores["marked"] > 0.85, $"marked: {scores["marked"]}");
        Assert.InRange(scores["plain"], 0.25, 0.75);
    }

    [Fact]
    public void Fewer_than_two_people_with_two_photos_give_no_number_and_say_how_many()
    {
        // TinyData gives image i to person i % 10: 8 photos are 8 people with one photo each.
        var values = new IdentityProbe().Measure(MetricFixture.Context(Networks(), forget: TinyData.Classes(8, seed: 2)));
        Assert.All(values.Values, v => Assert.Null(v.Value));
        Assert.Contains("0 forget people", values["model"].Missing);
    }

    [Fact]
    public void Against_itself_as_Retrained_the_margin_is_zero()
    {
        var model = Networks();
        var values = new IdentityProbe().Measure(MetricFixture.Context(model, forget: TinyData.Classes(30, seed: 2),
            references: new MetricReferences(Reference.Absent("not needed"), Reference.Of(model))));
        Assert.Equal(10, values["people"].Value);
        Assert.Equal(0.0, values["margin"].Value);
        Assert.InRange(values["model"].Value!.Value, 0, 1);
    }

    private static nn.Module<Tensor, Tensor> Networks() => Lethe.Models.Networks.Create("resnet18", 8, CPU, 2);
}
