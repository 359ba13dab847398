using Lethe.Data;

namespace Lethe.Tests.Data;

public class SynthFacesOptionsTests
{
    [Fact]
    public void Defaults_are_the_default_benchmark_and_valid()
    {
        var o = SynthFacesOptions.Default;
        o.Validate();
        Assert.Equal((42L, 32, 40, 160, 40, 40, 14, 13),
            (o.Seed, o.ImageSize, o.ForgetIdentities, o.RetainIdentities, o.TestIdentities, o.UnseenIdentities,
                o.ImagesPerIdentity, o.UnseenImagesPerIdentity));
    }

    [Fact]
    public void Each_out_of_range_option_is_named_in_the_error()
    {
        var o = SynthFacesOptions.Default;
        var cases = new (SynthFacesOptions Options, string Name)[]
        {
            (o with { ImageSize = 15 }, "ImageSize"),
            (o with { ImageSize = 129 }, "ImageSize"),
            (o with { ForgetIdentities = 0 }, "ForgetIdentities"),
            (o with { RetainIdentities = 0 }, "RetainIdentities"),
            (o with { TestIdentities = -1 }, "TestIdentities"),
            (o with { UnseenIdentities = 0 }, "UnseenIdentities"),
            (o with { ImagesPerIdentity = 1 }, "ImagesPerIdentity"),
            (o with { UnseenImagesPerIdentity = 1 }, "UnseenImagesPerIdentity"),
            (o with { MinAgesPerIdentity = 0 }, "MinAgesPerIdentity"),
            (o with { MaxAgesPerIdentity = 1 }, "MaxAgesPerIdentity"),
            (o with { MaxAgesPerIdentity = 9 }, "MaxAgesPerIdentity"),
            (o with { FamilySize = 0 }, "FamilySize"),
            (o with { FamilyResemblance = 1.5 }, "FamilyResemblance"),
            (o with { LabelNoise = -0.1 }, "LabelNoise"),
            (o with { LabelNoise = double.NaN }, "LabelNoise"),
            (o with { CueStrength = 5 }, "CueStrength"),
            (o with { ApparentAgeSpread = -1 }, "ApparentAgeSpread"),
            (o with { PoseJitter = -1 }, "PoseJitter"),
            (o with { LightingJitter = 10 }, "LightingJitter"),
            (o with { PixelNoise = -1 }, "PixelNoise"),
        };
        foreach (var (options, name) in cases)
        {
            var error = Assert.Throws<ArgumentException>(options.Validate);
            Assert.Equal(name, error.ParamName);
            Assert.Contains(name, error.Message);
        }
    }

    [Fact]
    public void Build_rejects_invalid_options_before_rendering()
    {
        var error = Assert.Throws<ArgumentException>(() => SynthFaces.Build(SynthFacesOptions.Default with { ImageSize = 8 }, "age"));
        Assert.Equal("ImageSize", error.ParamName);
    }

    [Fact]
    public void Canonical_text_changes_with_every_option()
    {
        var o = SynthFacesOptions.Default;
        var variants = new[]
        {
            o, o with { Seed = 1 }, o with { ImageSize = 64 }, o with { ForgetIdentities = 41 }, o with { RetainIdentities = 161 },
            o with { TestIdentities = 41 }, o with { UnseenIdentities = 41 }, o with { ImagesPerIdentity = 15 },
            o with { UnseenImagesPerIdentity = 12 }, o with { MinAgesPerIdentity = 1 }, o with { MaxAgesPerIdentity = 4 },
            o with { FamilySize = 5 }, o with { FamilyResemblance = 0.4 }, o with { LabelNoise = 0.2 }, o with { CueStrength = 0.9 },
            o with { ApparentAgeSpread = 2 }, o with { PoseJitter = 0.5 }, o with { LightingJitter = 0.5 }, o with { PixelNoise = 5 },
        };
        Assert.Equal(variants.Length, variants.Select(v => v.Canonical()).Distinct().Count());
    }
}
