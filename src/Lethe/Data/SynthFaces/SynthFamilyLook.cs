using SkiaSharp;

namespace Lethe.Data;

/// <summary>Traits a family passes on: its members' own draws are pulled towards these by FamilyResemblance.</summary>
internal sealed record SynthFamilyLook(SKColor Skin, SKColor Hair, SKColor Iris, float HeadWidth, float HeadHeight)
{
    internal static readonly SKColor[] SkinTones =
    [
        new(255, 226, 200), new(240, 196, 162), new(222, 170, 132), new(196, 134, 96), new(146, 92, 60), new(96, 60, 42),
    ];

    internal static readonly SKColor[] HairColours =
    [
        new(24, 20, 20), new(58, 40, 30), new(104, 70, 44), new(150, 78, 40), new(196, 160, 100), new(226, 200, 140),
    ];

    internal static readonly SKColor[] IrisColours =
    [
        new(70, 44, 26), new(40, 28, 20), new(70, 110, 160), new(80, 120, 80), new(120, 96, 50), new(110, 120, 130),
    ];

    public static SynthFamilyLook Draw(Random random) => new(
        random.Along(SkinTones),
        random.Pick(HairColours),
        random.Pick(IrisColours),
        random.Uniform(20, 27),
        random.Uniform(26, 33));
}
