using Lethe.Evaluation;
using Lethe.Evaluation.Metrics;
using Lethe.Experiments;
using Lethe.Models;
using Lethe.Reports;
using Lethe.Tests.Reports;
using Lethe.Tests.Support;
using static TorchSharp.torch;

namespace Lethe.Tests.Evaluation.Metrics;

/// <summary>The metric seam: registered metrics against hand-worked values, and their values in every report with no per-metric code.</summary>
public class MetricSeamTests
{
    [Fact]
    public void Weight_distance_is_the_euclidean_norm_of_the_parameter_difference()
    {
        // Two 2→1 linear layers: weights (1, 2) and (4, 6), biases 0.5 and 0.5: ‖(3, 4, 0)‖ = 5.
        using var a = nn.Linear(2, 1);
        using var b = nn.Linear(2, 1);
        using (no_grad())
        {
            a.weight!.copy_(tensor(new float[,] { { 1, 2 } }));
            b.weight!.copy_(tensor(new float[,] { { 4, 6 } }));
            a.bias!.fill_(0.5);
            b.bias!.fill_(0.5);
        }
        Assert.Equal(5.0, WeightDistance.Distance(Wrap(a), Wrap(b)), 12);
        Assert.Equal(0.0, WeightDistance.Distance(Wrap(a), Wrap(a)), 12);
    }

    [Fact]
    public void Weight_distance_refuses_models_of_other_shapes()
    {
        using var a = nn.Linear(2, 1);
        using var b = nn.Linear(3, 1);
        Assert.Contains("weight", Assert.Throws<ArgumentException>(() => WeightDistance.Distance(Wrap(a), Wrap(b))).Message);
    }

    [Fact]
    public void A_comparing_metric_without_its_reference_gives_no_number_and_says_why()
    {
        var context = Context(MetricReferences.None("judged alone"));
        var values = MetricRegistry.MeasureAll(context).Values;
        // The linear probe's own accuracies judge the model alone; every other row compares it with a reference.
        string[] alone = ["linear-probe/forget", "linear-probe/unseen", "linear-probe/recovery"];
        Assert.All(values.Where(v => !alone.Contains(v.Key)), v => Assert.Null(v.Value.Value));
        Assert.All(alone, key => Assert.NotNull(values[key].Value));
        Assert.Equal("judged alone", values["weight-distance/original"].Missing);
        Assert.Equal("judged alone", values["output-divergence/forget"].Missing);
    }

    [Fact]
    public void A_model_compared_with_itself_is_at_distance_zero_and_predicts_like_itself()
    {
        var model = Networks.Create("resnet18", 8, CPU, 3);
        var values = MetricRegistry.MeasureAll(Context(new MetricReferences(Reference.Of(model), Reference.Of(model)), model)).Values;
        Assert.Equal(0.0, values["weight-distance/original"].Value);
        Assert.Equal(0.0, values["output-divergence/forget"].Value!.Value, 6);
        Assert.Equal(0.0, values["output-divergence/retain"].Value!.Value, 6);
    }

    [Fact]
    public void The_evaluation_keeps_every_curve_a_metric_gives_under_its_name_and_none_when_there_is_none()
    {
        var (model, original) = (Networks.Create("resnet18", 8, CPU, 3), Networks.Create("resnet18", 8, CPU, 4));
        var context = Context(new MetricReferences(Reference.Of(original), Reference.Absent("alone")), model);
        ModelEvaluation Evaluate(MetricReferences references) =>
            ModelEvaluator.Evaluate(model, context.Sets, context.Transform, CPU, new EvaluationOptions(), references);

        var curves = Evaluate(context.References).Curves!;

        Assert.Equal(["weight-line/forget-accuracy", "weight-line/retain-loss"], curves.Keys.Order());
        Assert.Null(Evaluate(MetricReferences.None("judged alone")).Curves); // left out of results.json
    }

    [Fact]
    public void Every_report_shows_a_registered_metric_as_a_row_and_a_missing_value_as_a_dash()
    {
        var run = HandMadeRun.Record(1);
        var withMetric = run with
        {
            Models = run.Models.Select((m, i) => m with
            {
                Evaluation = m.Evaluation with
                {
                    Metrics = new Dictionary<string, MetricValue>
                    {
                        ["weight-distance/original"] = i == 1 ? MetricValue.None("made beside the Original") : MetricValue.Of(i * 1.5),
                    },
                },
            }).ToArray(),
        };
        var row = Assert.Single(ResultsTable.From(withMetric).Rows, r => r.Metric == "‖θ − θ_Original‖");
        Assert.Equal(["0.000", "–", "3.000", "4.500"], Enumerable.Range(0, 4).Select(row.Cell));
        Assert.Contains("| ‖θ − θ_Original‖ | 0.000 | – | 3.000 | 4.500 |", new MarkdownReport().Render(withMetric));
        Assert.DoesNotContain(ResultsTable.From(run).Rows, r => r.Metric == "‖θ − θ_Original‖"); // a run without it: no row
    }

    private static nn.Module<Tensor, Tensor> Wrap(nn.Module<Tensor, Tensor> layer) => layer;

    private static MetricContext Context(MetricReferences references, nn.Module<Tensor, Tensor>? model = null) =>
        MetricFixture.Context(model, references: references);
}
