using System.Globalization;

namespace Lethe.Data;

/// <summary>
/// Settings of the built-in synthetic identity dataset. Defaults are those of the default benchmark: 40 forget, 160
/// retain, 40 test and 40 unseen people, 14 photos each (13 for unseen, so that |forget| &gt;= |unseen|), 32 px.
/// Every field changes the data and therefore the fingerprint.
/// </summary>
/// <param name="Seed">The root of every random stream of the generator.</param>
/// <param name="ImageSize">Side of the square images in pixels (16..128).</param>
/// <param name="ForgetIdentities">People in D_forget (part of D_train).</param>
/// <param name="RetainIdentities">People in D_retain (the rest of D_train).</param>
/// <param name="TestIdentities">People in D_test (held out, for accuracy).</param>
/// <param name="UnseenIdentities">People in D_unseen (held out, MIA non-members).</param>
/// <param name="ImagesPerIdentity">Photos per forget, retain and test person.</param>
/// <param name="UnseenImagesPerIdentity">Photos per unseen person.</param>
/// <param name="MinAgesPerIdentity">Fewest age groups a person is photographed at (the photos are split over them).</param>
/// <param name="MaxAgesPerIdentity">Most age groups a person is photographed at.</param>
/// <param name="FamilySize">People per family (a family is the "S0001" prefix of an identity; families never span sets).</param>
/// <param name="FamilyResemblance">0..1: how much skin tone, hair colour and head shape are shared within a family.</param>
/// <param name="LabelNoise">Probability that a photo's age cues are drawn from a neighbouring age group (its label is not).</param>
/// <param name="CueStrength">Scale of the age cues (child proportions, wrinkles, greying): 0 hides age, 1 is the default.</param>
/// <param name="ApparentAgeSpread">Standard deviation in years of a person's constant "looks older/younger" offset.</param>
/// <param name="PoseJitter">Scale of the per-photo shift, zoom and rotation (1 = up to 4 units shift, 8% zoom, 8 degrees).</param>
/// <param name="LightingJitter">Scale of the per-photo brightness, colour cast and light gradient.</param>
/// <param name="PixelNoise">Standard deviation of the per-pixel Gaussian noise, in 0..255 grey levels.</param>
public sealed record SynthFacesOptions(
    long Seed = 42,
    int ImageSize = 32,
    int ForgetIdentities = 40,
    int RetainIdentities = 160,
    int TestIdentities = 40,
    int UnseenIdentities = 40,
    int ImagesPerIdentity = 14,
    int UnseenImagesPerIdentity = 13,
    int MinAgesPerIdentity = 2,
    int MaxAgesPerIdentity = 3,
    int FamilySize = 4,
    double FamilyResemblance = 0.5,
    double LabelNoise = 0.15,
    double CueStrength = 1.0,
    double ApparentAgeSpread = 3.0,
    double PoseJitter = 1.0,
    double LightingJitter = 1.0,
    double PixelNoise = 6.0)
{
    /// <summary>The default benchmark's data.</summary>
    public static SynthFacesOptions Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that is out of range.</summary>
    public void Validate()
    {
        Require(ImageSize is >= 16 and <= 128, nameof(ImageSize), ImageSize, "16..128");
        Require(ForgetIdentities is >= 1 and <= 100_000, nameof(ForgetIdentities), ForgetIdentities, "1..100000");
        Require(RetainIdentities is >= 1 and <= 100_000, nameof(RetainIdentities), RetainIdentities, "1..100000");
        Require(TestIdentities is >= 1 and <= 100_000, nameof(TestIdentities), TestIdentities, "1..100000");
        Require(UnseenIdentities is >= 1 and <= 100_000, nameof(UnseenIdentities), UnseenIdentities, "1..100000");
        Require(MinAgesPerIdentity is >= 1 and <= SynthAges.Count, nameof(MinAgesPerIdentity), MinAgesPerIdentity, $"1..{SynthAges.Count}");
        Require(MaxAgesPerIdentity >= MinAgesPerIdentity && MaxAgesPerIdentity <= SynthAges.Count, nameof(MaxAgesPerIdentity),
            MaxAgesPerIdentity, $"{MinAgesPerIdentity}..{SynthAges.Count} (at least MinAgesPerIdentity)");
        Require(ImagesPerIdentity >= MinAgesPerIdentity && ImagesPerIdentity <= 10_000, nameof(ImagesPerIdentity),
            ImagesPerIdentity, $"{MinAgesPerIdentity}..10000 (at least one photo per age)");
        Require(UnseenImagesPerIdentity >= MinAgesPerIdentity && UnseenImagesPerIdentity <= 10_000,
            nameof(UnseenImagesPerIdentity), UnseenImagesPerIdentity, $"{MinAgesPerIdentity}..10000 (at least one photo per age)");
        Require(FamilySize is >= 1 and <= 99, nameof(FamilySize), FamilySize, "1..99");
        Require(FamilyResemblance is >= 0 and <= 1, nameof(FamilyResemblance), FamilyResemblance, "0..1");
        Require(LabelNoise is >= 0 and <= 1, nameof(LabelNoise), LabelNoise, "0..1");
        Require(CueStrength is >= 0 and <= 4, nameof(CueStrength), CueStrength, "0..4");
        Require(ApparentAgeSpread is >= 0 and <= 30, nameof(ApparentAgeSpread), ApparentAgeSpread, "0..30");
        Require(PoseJitter is >= 0 and <= 4, nameof(PoseJitter), PoseJitter, "0..4");
        Require(LightingJitter is >= 0 and <= 4, nameof(LightingJitter), LightingJitter, "0..4");
        Require(PixelNoise is >= 0 and <= 128, nameof(PixelNoise), PixelNoise, "0..128");
    }

    /// <summary>Every field in a culture-independent text, for hashing.</summary>
    public string Canonical() => string.Create(CultureInfo.InvariantCulture,
        $"seed={Seed};size={ImageSize};forget={ForgetIdentities};retain={RetainIdentities};test={TestIdentities};" +
        $"unseen={UnseenIdentities};images={ImagesPerIdentity};unseenImages={UnseenImagesPerIdentity};" +
        $"ages={MinAgesPerIdentity}-{MaxAgesPerIdentity};family={FamilySize};resemblance={FamilyResemblance:R};" +
        $"labelNoise={LabelNoise:R};cue={CueStrength:R};apparent={ApparentAgeSpread:R};pose={PoseJitter:R};" +
        $"light={LightingJitter:R};noise={PixelNoise:R}");

    private static void Require(bool ok, string name, object value, string range)
    {
        // double.NaN fails every comparison above, so it lands here too.
        if (!ok) throw new ArgumentException($"SynthFaces option {name} = {value} is out of range ({range})", name);
    }
}
