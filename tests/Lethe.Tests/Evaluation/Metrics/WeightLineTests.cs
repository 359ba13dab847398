using Lethe.Data.Transforms;
using Lethe.Evaluation;
using Lethe.Evaluation.Metrics;
using Lethe.Models;
using Lethe.Tests.Support;
using static TorchSharp.torch;

namespace Lethe.Tests.Evaluation.Metrics;

/// <summary>The weight line's ends (on the metric's stored curves too) are the two models, a model on its own line has no barrier, and neither model is changed.</summary>
public class WeightLineTests
{
    [Fact]
    public void The_ends_of_the_line_score_as_the_Original_and_the_model_themselves()
    {
        var (original, model) = (Networks.Create("resnet18", 8, CPU, 1), Networks.Create("resnet18", 8, CPU, 2));
        var (forget, retain) = (TinyData.Classes(8, seed: 2), TinyData.Classes(8, seed: 3));
        var before = model.parameters().Concat(original.parameters()).Select(p => p.clone()).ToArray();
        var curve = WeightLine.Curve(original, model, MultiClassTask.AgeGroups, forget, retain, new EvalTransform(16), CPU, points: 3);
        Assert.Equal([0.0, 0.5, 1.0], curve.Select(p => p.Alpha));
        foreach (var (point, end) in new[] { (curve[0], original), (curve[^1], model) })
        {
            var (f, r) = (Score(end, forget), Score(end, retain));
            Assert.Equal(f.MeanLoss, point.ForgetLoss, 5);
            Assert.Equal(f.Accuracy, point.ForgetAccuracy, 12);
            Assert.Equal(r.MeanLoss, point.RetainLoss, 5);
            Assert.Equal(r.Accuracy, point.RetainAccuracy, 12);
        }
        // The metric stores the 21-point line with the same ends, and its midpoint row is the curve's middle.
        var measured = new WeightLine().MeasureWithCurves(MetricFixture.Context(model, forget, retain,
            new MetricReferences(Reference.Of(original), Reference.Absent("not needed"))));
        var (accuracy, loss) = (measured.Curves[WeightLine.ForgetCurve], measured.Curves[WeightLine.RetainLossCurve]);
        Assert.Equal(Enumerable.Range(0, WeightLine.Points).Select(i => i / 20.0), accuracy.X);
        Assert.Equal([curve[0].ForgetAccuracy, curve[^1].ForgetAccuracy], [accuracy.Y[0], accuracy.Y[^1]]);
        Assert.Equal(curve[0].RetainLoss, loss.Y[0], 5);
        Assert.Equal(curve[^1].RetainLoss, loss.Y[^1], 5);
        Assert.Equal(measured.Values["forget-mid"].Value, accuracy.Y[WeightLine.Points / 2]);
        Assert.All(model.parameters().Concat(original.parameters()).Zip(before), p => Assert.True(p.First.allclose(p.Second, rtol: 0, atol: 0)));
    }

    [Fact]
    public void A_model_on_the_line_to_itself_has_no_barrier()
    {
        // A copy, not the same object: the Original itself is answered without walking the line.
        var model = Networks.Create("resnet18", 8, CPU, 1);
        var values = new WeightLine().Measure(MetricFixture.Context(model,
            references: new MetricReferences(Reference.Of(Networks.Copy(model, "resnet18", 8, CPU)), Reference.Absent("not needed"))));
        Assert.Equal(0.0, values["retain-barrier"].Value!.Value, 5);
        Assert.Equal(Score(model, TinyData.Classes(8, seed: 2)).Accuracy, values["forget-mid"].Value!.Value, 12);
    }

    [Fact]
    public void The_barrier_is_the_highest_rise_above_the_straight_line_between_the_ends()
    {
        Assert.Equal(2.0, WeightLine.Barrier([1, 3, 1]), 12);
        Assert.Equal(1.0, WeightLine.Barrier([1, 2.5, 2, 3, 3]), 12); // the line is 1, 1.5, 2, 2.5, 3: the highest rise is 1, at α = 0.25
        Assert.Equal(0.0, WeightLine.Barrier([1, 1.5, 2]), 12);
        Assert.Equal(0.0, WeightLine.Barrier([2, 0, 1]), 12); // a dip is no barrier: the ends are on the line
    }

    [Fact]
    public void Without_an_Original_there_is_no_line()
    {
        var values = new WeightLine().Measure(MetricFixture.Context(references: MetricReferences.None("made beside the Original")));
        Assert.All(values.Values, v => Assert.Equal("made beside the Original", v.Missing));
    }

    private static SetScores Score(nn.Module<Tensor, Tensor> model, Lethe.Data.ImageSet set) =>
        SetScorer.Score(model, MultiClassTask.AgeGroups, set, new EvalTransform(16), CPU);
}
