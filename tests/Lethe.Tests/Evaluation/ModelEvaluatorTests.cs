using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Evaluation;
using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Tests.Evaluation;

public class ModelEvaluatorTests
{
    private static BenchmarkData Tiny() => SynthFaces.Build(new SynthFacesOptions(ImageSize: 16, ForgetIdentities: 3,
        RetainIdentities: 3, TestIdentities: 3, UnseenIdentities: 3, ImagesPerIdentity: 4, UnseenImagesPerIdentity: 4), "age");

    [Fact]
    public void A_model_with_non_finite_outputs_is_scored_without_an_attack_instead_of_failing()
    {
        using var data = Tiny();
        using var model = Networks.Create("resnet18", 8, CPU, initSeed: 1);
        using (no_grad()) model.named_parameters().Single(p => p.name == "fc.bias").parameter.fill_(double.NaN);

        var evaluation = ModelEvaluator.Evaluate(model, data, new EvalTransform(16), CPU, EvaluationOptions.Default);

        Assert.True(double.IsNaN(evaluation.AttackAccuracy));
        Assert.True(double.IsNaN(evaluation.Nomus));
        Assert.Null(evaluation.Attack);
        Assert.InRange(evaluation.TestAccuracy, 0, 1);
    }

    [Fact]
    public void The_scores_agree_with_the_attack_and_NoMUS_definitions()
    {
        using var data = Tiny();
        using var model = Networks.Create("resnet18", 8, CPU, initSeed: 2);

        var e = ModelEvaluator.Evaluate(model, data, new EvalTransform(16), CPU, EvaluationOptions.Default with { Lambda = 0.3 });

        Assert.Equal(Math.Abs(e.AttackAccuracy - 0.5), e.ForgettingScore, 12);
        Assert.Equal(0.3 * e.TestAccuracy + 0.7 * (1 - 2 * e.ForgettingScore), e.Nomus, 12);
        Assert.Equal(data.Unseen.Count, e.UnseenCount);
        Assert.Equal(Math.Min(data.Forget.Count, data.Unseen.Count), e.ForgetCountAttacked);
        Assert.Equal(data.Forget.Count, e.Losses["forget"].Length);
        Assert.Equal(AttackBalance.Plan(data.Forget.Count, data.Unseen.Count, 0.01), e.Attack!.Balance);
        Assert.True(e.Attack.SmallSet); // 12 images a side, under 100
        Assert.Equal(10, e.Attack.Splits);
        Assert.InRange(e.Attack.RocAuc, 0, 1);
    }
}
