using Lethe.Audit;
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
        Assert.Equal("the model's losses are not all finite", evaluation.AttackNotComputed);
        Assert.InRange(evaluation.TestAccuracy, 0, 1);
    }

    [Fact]
    public void Should_score_a_forget_set_too_small_for_the_attacks_splits_without_an_attack_and_say_why()
    {
        // Given one person with 5 photos to forget (5 against 5 unseen: each split would test one row)
        using var data = SynthFaces.Build(new SynthFacesOptions(ImageSize: 16, ForgetIdentities: 1, RetainIdentities: 2,
            TestIdentities: 2, UnseenIdentities: 2, ImagesPerIdentity: 5, UnseenImagesPerIdentity: 4), "age");
        using var model = Networks.Create("resnet18", 8, CPU, initSeed: 5);

        // When the model is evaluated
        var e = ModelEvaluator.Evaluate(model, data, new EvalTransform(16), CPU, EvaluationOptions.Default);

        // Then its accuracies are there, and A, F and NoMUS are not, with the reason
        Assert.InRange(e.TestAccuracy, 0, 1);
        Assert.True(double.IsNaN(e.AttackAccuracy) && double.IsNaN(e.ForgettingScore) && double.IsNaN(e.Nomus));
        Assert.Null(e.Attack);
        Assert.Equal("5 forget vs 5 unseen images are too few: each of its 10 splits tests ⌈10% of 10⌉ = 1 row, which cannot hold a forget and an unseen one (at least 6 images a side are needed)",
            e.AttackNotComputed);
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

    [Fact]
    public void Every_example_of_the_four_sets_gets_its_phi_with_its_identity_and_label_in_the_sets_order()
    {
        using var data = Tiny();
        using var model = Networks.Create("resnet18", 8, CPU, initSeed: 3);

        var e = ModelEvaluator.Evaluate(model, data, new EvalTransform(16), CPU, EvaluationOptions.Default);

        var sets = new[] { data.Forget, data.Retain, data.Test, data.Unseen };
        Assert.Equal(PhiSets.All.SelectMany((name, s) => sets[s].Samples.Select((sample, i) => (name, i, sample.Identity, sample.Labels[0]))),
            e.Phi.Select(r => (r.Set, r.Index, r.Identity, r.Label)));
        Assert.All(e.Phi, r => Assert.Equal(0, r.Attribute));
        // φ and the attack's losses come from the same logits: p_y = e^(−loss), φ = log p_y − log(1 − p_y).
        var forget = e.Phi.Where(r => r.Set == PhiSets.Forget).Select(r => r.Phi).ToArray();
        for (int i = 0; i < forget.Length; i++)
        {
            var p = Math.Exp(-e.Losses["forget"][i]);
            Assert.Equal(Math.Log(p) - Math.Log(1 - p), forget[i], 1e-4);
        }
    }

    [Fact]
    public void A_multi_label_model_gets_one_phi_per_attribute_with_that_attributes_bit()
    {
        using var data = SynthFaces.Build(new SynthFacesOptions(ImageSize: 16, ForgetIdentities: 2, RetainIdentities: 2,
            TestIdentities: 2, UnseenIdentities: 2, ImagesPerIdentity: 3, UnseenImagesPerIdentity: 3), "multilabel");
        using var model = Networks.Create("resnet18", 3, CPU, initSeed: 4);

        var e = ModelEvaluator.Evaluate(model, data, new EvalTransform(16), CPU, EvaluationOptions.Default);

        var forget = e.Phi.Where(r => r.Set == PhiSets.Forget).ToArray();
        Assert.Equal(data.Forget.Count * 3, forget.Length);
        Assert.Equal(data.Forget.Samples.SelectMany((s, i) => s.Labels.Select((bit, a) => (i, a, bit))),
            forget.Select(r => (r.Index, r.Attribute, r.Label)));
        Assert.Equal((data.Forget.Count + data.Retain.Count + data.Test.Count + data.Unseen.Count) * 3, e.Phi.Count);
    }
}
