using Lethe.Evaluation.Metrics;
using Lethe.Models;
using Lethe.Tests.Support;
using static TorchSharp.torch;

namespace Lethe.Tests.Evaluation.Metrics;

/// <summary>The linear-probe rows: what they are made of, and "–" where a probe cannot be fitted.</summary>
public class LinearProbeMetricTests
{
    [Fact]
    public void Recovery_is_the_probe_over_the_model_s_own_accuracy_and_a_model_is_its_own_floor()
    {
        var model = Networks.Create("resnet18", 8, CPU, 2);
        var values = new LinearProbeMetric().Measure(MetricFixture.Context(model, retain: TinyData.Classes(40, seed: 3),
            references: new MetricReferences(Reference.Absent("not needed"), Reference.Of(model)), forgetAccuracy: 0.25));
        var forget = values["forget"].Value!.Value;
        Assert.InRange(forget, 0, 1);
        Assert.InRange(values["unseen"].Value!.Value, 0, 1);
        Assert.Equal(forget - 0.25, values["recovery"].Value!.Value, 12);
        Assert.Equal(0.0, values["forget-vs-retrained"].Value);
    }

    [Fact]
    public void A_retain_sample_too_small_for_a_probe_gives_no_number_and_says_why()
    {
        var values = new LinearProbeMetric().Measure(MetricFixture.Context(retain: TinyData.Classes(5, seed: 3)));
        Assert.All(values.Values, v => Assert.Contains("has 5 images", v.Missing));
    }
}
