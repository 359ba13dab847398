using Lethe.Unlearning;

namespace Lethe.Tests.Unlearning;

public class HyperParameterOverridesTests
{
    private static readonly IReadOnlyDictionary<string, object> Defaults = MethodRegistry.Defaults(UnlearningVariant.MultiClass);

    [Fact]
    public void Should_apply_command_line_assignments_with_any_case_and_leave_the_input_untouched()
    {
        var result = HyperParameterOverrides.Apply(Defaults,
            ["scrub.lr=0.0005", "cf.k=2", "scrub.referenceMode=false", "UNSIR.noisesteps=7", "neggrad.UnifiedLoop=true"]);

        var scrub = (ScrubHyperParameters)result["scrub"];
        Assert.Equal((0.0005, false, 2), (scrub.Lr, scrub.ReferenceMode, scrub.Epochs));
        Assert.Equal(2, ((CatastrophicForgettingHyperParameters)result["cf"]).K);
        Assert.Equal(7, ((UnsirHyperParameters)result["unsir"]).NoiseSteps);
        Assert.True(((NegGradHyperParameters)result["neggrad"]).UnifiedLoop);
        Assert.Equal(0.001, ((ScrubHyperParameters)Defaults["scrub"]).Lr);
        Assert.Equal(3, ((CatastrophicForgettingHyperParameters)Defaults["cf"]).K);
    }

    [Fact]
    public void Should_keep_the_record_type_when_setting_an_inherited_parameter()
    {
        var result = HyperParameterOverrides.Apply(Defaults, ["advneggrad.lr=0.01"]);
        var advanced = Assert.IsType<AdvancedNegGradHyperParameters>(result["advneggrad"]);
        Assert.Equal(0.01, advanced.Lr);
    }

    [Theory]
    [InlineData("randlabel", 0.013, "lr, epochs, momentum, weightDecay")]
    [InlineData("salun", 0.013, "share, lr, epochs, momentum, weightDecay")]
    [InlineData("l1sparse", 0.01, "lr, gamma, epochs, momentum, weightDecay")]
    public void Should_give_each_method_its_own_learning_rate_over_the_shared_sgd_settings(string method, double lr, string names)
    {
        var defaults = (MomentumSgdHyperParameters)Defaults[method];
        var result = (MomentumSgdHyperParameters)HyperParameterOverrides.Apply(Defaults, [$"{method}.lr=0.5", $"{method}.epochs=3"])[method];

        Assert.Equal((lr, 10, 0.9, 5e-4), (defaults.Lr, defaults.Epochs, defaults.Momentum, defaults.WeightDecay));
        Assert.Equal((0.5, 3, defaults.GetType()), (result.Lr, result.Epochs, result.GetType()));
        Assert.Equal(names.Split(", ").Order(), HyperParameterOverrides.ParameterNames(defaults).Order());
    }

    [Fact]
    public void Should_apply_a_json_object()
    {
        var result = HyperParameterOverrides.ApplyJson(Defaults,
            """{"scrub": {"lr": 0.0005, "ReferenceMode": false}, "cf": {"k": "2"}, "finetune": {"bnEvalQuirk": true}}""");

        Assert.Equal(0.0005, ((ScrubHyperParameters)result["scrub"]).Lr);
        Assert.False(((ScrubHyperParameters)result["scrub"]).ReferenceMode);
        Assert.Equal(2, ((CatastrophicForgettingHyperParameters)result["cf"]).K);
        Assert.True(((FineTuneHyperParameters)result["finetune"]).BnEvalQuirk);
    }

    [Theory]
    [InlineData("retrain.lr=1", "'retrain'", "finetune, cf, neggrad, unsir, scrub, advneggrad")]
    [InlineData("scrub.alpha=1", "scrub.alpha", "valid: lr, epochs, temperature, referenceMode")]
    [InlineData("cf.k=two", "cf.k", "integer")]
    [InlineData("cf.k=2.5", "cf.k", "integer")]
    [InlineData("scrub.referenceMode=yes", "scrub.referenceMode", "boolean")]
    [InlineData("scrub.lr", "scrub.lr", "method.parameter=value")]
    public void Should_reject_a_bad_assignment_naming_the_key(string assignment, string named, string listed)
    {
        var error = Assert.Throws<ArgumentException>(() => HyperParameterOverrides.Apply(Defaults, [assignment]));
        Assert.Contains(named, error.Message);
        Assert.Contains(listed, error.Message);
    }

    [Theory]
    [InlineData("""{"retrain": {"lr": 1}}""", "'retrain'")]
    [InlineData("""{"cf": {"k": 2.5}}""", "cf.k")]
    [InlineData("""{"scrub": {"referenceMode": 1}}""", "scrub.referenceMode")]
    [InlineData("""{"scrub": {"temp": 1}}""", "scrub.temp")]
    [InlineData("""{"scrub": 0.1}""", "'scrub'")]
    [InlineData("""[1]""", "JSON object")]
    [InlineData("""{"scrub": """, "not valid JSON")]
    public void Should_reject_bad_json_naming_the_key(string json, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => HyperParameterOverrides.ApplyJson(Defaults, json));
        Assert.Contains(named, error.Message);
    }
}
