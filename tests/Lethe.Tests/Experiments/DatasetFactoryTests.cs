using Lethe.Data;
using Lethe.Experiments;
using Lethe.Tests.Data;
using Lethe.Tests.Data.Mucac;
using Lethe.Tests.Support;

namespace Lethe.Tests.Experiments;

public class DatasetFactoryTests
{
    [Theory]
    [InlineData("mucac", "multilabel-male-smiling-young", 3)]
    [InlineData("mucac-smiling", "binary-smiling", 2)]
    public void Mucac_variants_load_from_the_real_layout_with_the_given_identity_splits(string dataset, string task, int outputs)
    {
        using var fixture = new MucacFixture();
        var t = MucacFixture.Thresholds;
        var spec = new ExperimentSpec
        {
            Dataset = dataset, DataDirectory = fixture.Root, ImageSize = 16, CacheDirectory = Path.Combine(fixture.Root, "cache"),
            IdentitySplits = $"{t.TestBelow},{t.ForgetBelow},{t.TrainBelow}",
        };
        spec.Validate();
        using var data = DatasetFactory.Build(spec);
        Assert.Equal((task, outputs), (data.Task.Name, data.Task.Outputs));
        Assert.Equal((12, 6, 6, 4, 4), (data.Train.Count, data.Forget.Count, data.Retain.Count, data.Test.Count, data.Unseen.Count));
        Assert.Equal(16, data.Train.Height);
    }

    [Fact]
    public void Mufac_loads_through_the_spec_with_an_identity_forget_set()
    {
        using var dir = new TempDirectory();
        new MufacFixture(dir.Path);
        var spec = new ExperimentSpec
        {
            Dataset = "mufac", DataDirectory = dir.Path, ImageSize = 8, Forget = "identities:2", CacheDirectory = Path.Combine(dir.Path, "cache"),
        };
        using var data = DatasetFactory.Build(spec);
        var summary = DatasetFactory.Summarise(data);
        Assert.Equal((8, 2, 0), (summary.Forget, summary.ForgetIdentities, summary.StraddlingIdentities));
    }

    [Fact]
    public void With_skip_bad_the_benchmark_goes_on_past_a_missing_image_and_lists_it_in_the_summary()
    {
        using var dir = new TempDirectory();
        var fixture = new MufacFixture(dir.Path);
        var missing = fixture.ImageOf("custom_val_dataset.csv", 4);
        File.Delete(missing);
        var spec = new ExperimentSpec
        {
            Dataset = "mufac", DataDirectory = dir.Path, ImageSize = 8, Forget = "first:8", SkipBad = true, CacheDirectory = Path.Combine(dir.Path, "cache"),
        };
        using var data = DatasetFactory.Build(spec);
        var summary = DatasetFactory.Summarise(data);
        Assert.Equal(5, summary.Test);
        Assert.StartsWith($"{fixture.Csv("custom_val_dataset.csv")}:5: skipped: image '{Path.GetFileName(missing)}' not found", Assert.Single(summary.Notes!));
    }

    [Fact]
    public void Synthfaces_takes_an_identity_forget_set_from_train_and_keeps_the_rest_as_retain()
    {
        using var dir = new TempDirectory();
        var spec = TinySynth(dir.Path) with { Forget = "identities:2" };
        using var data = DatasetFactory.Build(spec);
        using var full = DatasetFactory.Build(TinySynth(dir.Path));

        var forgetPeople = data.Forget.Identities();
        Assert.Equal(2, forgetPeople.Count);
        Assert.Equal(data.Train.Count, data.Forget.Count + data.Retain.Count);
        Assert.DoesNotContain(data.Retain.Identities(), forgetPeople.Contains);
        Assert.Equal(full.Train.Count, data.Train.Count);
        Assert.NotEqual(full.Fingerprint, data.Fingerprint); // the results cache must tell the two apart
    }

    [Fact]
    public void A_forget_option_on_mucac_is_refused_rather_than_ignored()
    {
        var spec = new ExperimentSpec { Dataset = "mucac", DataDirectory = "/nowhere", Forget = "identities:3" };
        Assert.Contains("--identity-splits", Assert.Throws<ArgumentException>(spec.Validate).Message);
    }

    private static ExperimentSpec TinySynth(string dir) => new()
    {
        ImageSize = 16, CacheDirectory = Path.Combine(dir, "cache"),
        Synth = new SynthFacesOptions(ForgetIdentities: 4, RetainIdentities: 8, TestIdentities: 4, UnseenIdentities: 4,
            ImagesPerIdentity: 3, UnseenImagesPerIdentity: 3),
    };

    [Fact]
    public void Bad_identity_splits_are_refused_before_anything_is_read()
    {
        var spec = new ExperimentSpec { Dataset = "mucac", DataDirectory = "/nowhere", IdentitySplits = "190,1250" };
        Assert.Contains("three whole numbers", Assert.Throws<ArgumentException>(spec.Validate).Message);
    }
}
