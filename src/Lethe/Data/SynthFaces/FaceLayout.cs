using SkiaSharp;

namespace Lethe.Data;

/// <summary>
/// Where the parts of one face go on the 100 x 100 canvas and in which colours, once the person's traits and the
/// photo's age cues are combined. Children get a shorter, rounder head with bigger, lower-set eyes and a smaller nose
/// and mouth; older faces get greyer hair, paler skin and heavier lids.
/// </summary>
internal readonly record struct FaceLayout(
    float Cx, float Cy, float W, float H, float Jaw,
    float EyeY, float EyeSpacing, float EyeRx, float EyeRy, float BrowY,
    float NoseY, float NoseSize, float MouthY, float MouthWidth, float HairLine,
    SKColor Skin, SKColor Hair, SKColor FacialHair)
{
    private static readonly SKColor PaleSkin = new(205, 190, 185);
    private static readonly SKColor Grey = new(150, 150, 150);
    private static readonly SKColor White = new(238, 238, 236);

    public static FaceLayout Of(SynthPerson p, AgeCues cues)
    {
        float child = cues.Child, h = p.HeadHeight * (1 - 0.15f * child), w = p.HeadWidth * (1 + 0.04f * child);
        float cy = 44, eyeY = cy - 0.08f * h + 0.16f * h * child;
        float eyeRx = p.EyeSize * (1 + 0.45f * child);
        float eyeRy = eyeRx * p.EyeShape * (1 - 0.25f * cues.Wrinkles);
        float noseY = eyeY + 0.34f * h * (1 - 0.25f * child);
        var grey = SynthRandom.Mix(Grey, White, cues.Grey);
        var hair = SynthRandom.Mix(p.Hair, grey, cues.Grey);
        return new FaceLayout(
            Cx: 50, Cy: cy, W: w, H: h,
            Jaw: SynthRandom.Lerp(0.55f, p.Jaw, cues.Adult),
            EyeY: eyeY, EyeSpacing: p.EyeSpacing * w / 24, EyeRx: eyeRx, EyeRy: eyeRy,
            BrowY: eyeY - eyeRy - 3.2f - child,
            NoseY: noseY, NoseSize: p.NoseSize * (1 - 0.35f * child) * (1 + 0.1f * cues.Wrinkles),
            MouthY: noseY + 0.2f * h * (1 - 0.15f * child),
            MouthWidth: p.MouthWidth * (1 - 0.25f * child),
            HairLine: cy - h * (0.55f + 0.4f * cues.Recession),
            Skin: SynthRandom.Mix(p.Skin, PaleSkin, 0.15f * cues.Wrinkles),
            Hair: hair,
            FacialHair: SynthRandom.Mix(SynthRandom.Scale(p.Hair, 0.85f), grey, cues.Grey));
    }
}
