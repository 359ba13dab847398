using SkiaSharp;

namespace Lethe.Data;

/// <summary>
/// What changes from one photo of a person to the next: the session (true age and label), the age the cues show,
/// expression, pose, background, lighting, and the stream for pixel noise.
/// </summary>
internal sealed record SynthPhoto
{
    public required int Group { get; init; }
    public required int Years { get; init; }
    /// <summary>The age in years the face is drawn at (label noise and the person's apparent-age offset included).</summary>
    public required float CueAge { get; init; }
    public required bool Smiling { get; init; }
    /// <summary>Mouth curvature: 0.55..1 when smiling, -0.15..0.15 when not.</summary>
    public required float Smile { get; init; }
    public required float ShiftX { get; init; }
    public required float ShiftY { get; init; }
    public required float Zoom { get; init; }
    public required float Rotation { get; init; }
    public required float GazeX { get; init; }
    public required SKColor BackgroundTop { get; init; }
    public required SKColor BackgroundBottom { get; init; }
    public required SKColor Shirt { get; init; }
    public required float Brightness { get; init; }
    public required float CastRed { get; init; }
    public required float CastGreen { get; init; }
    public required float CastBlue { get; init; }
    public required float LightSlopeX { get; init; }
    public required float LightSlopeY { get; init; }
    /// <summary>Seed of this photo's pixel-noise stream.</summary>
    public required int NoiseSeed { get; init; }

    public bool Young => Years < SynthAges.YoungBelow;

    public static SynthPhoto Draw(Random random, SynthPerson person, SynthSession session, SynthFacesOptions options)
    {
        float pose = (float)options.PoseJitter, light = (float)options.LightingJitter;
        bool smiling = random.Chance(person.SmileRate);
        return new SynthPhoto
        {
            Group = session.Group,
            Years = session.Years,
            CueAge = Math.Clamp(CueYears(random, session, options) + person.ApparentAgeOffset, 0, 85),
            Smiling = smiling,
            Smile = smiling ? random.Uniform(0.55, 1) : random.Uniform(-0.15, 0.15),
            ShiftX = pose * random.Uniform(-4, 4),
            ShiftY = pose * random.Uniform(-4, 4),
            Zoom = 1 + pose * random.Uniform(-0.08, 0.08),
            Rotation = pose * random.Uniform(-8, 8),
            GazeX = random.Uniform(-0.5, 0.5),
            BackgroundTop = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)),
            BackgroundBottom = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)),
            // People mostly wear their usual colours, sometimes something else.
            Shirt = random.Chance(0.6) ? random.Jitter(person.Shirt, 30)
                : new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)),
            Brightness = 1 + light * random.Uniform(-0.2, 0.2),
            CastRed = 1 + light * random.Uniform(-0.08, 0.08),
            CastGreen = 1 + light * random.Uniform(-0.08, 0.08),
            CastBlue = 1 + light * random.Uniform(-0.08, 0.08),
            LightSlopeX = light * random.Uniform(-0.3, 0.3),
            LightSlopeY = light * random.Uniform(-0.15, 0.15),
            NoiseSeed = random.Next(),
        };
    }

    /// <summary>The session's age, or with probability LabelNoise an age from a neighbouring group.</summary>
    private static float CueYears(Random random, SynthSession session, SynthFacesOptions options)
    {
        if (!random.Chance(options.LabelNoise)) return session.Years;
        int g = session.Group == 0 ? 1
            : session.Group == SynthAges.Count - 1 ? SynthAges.Count - 2
            : session.Group + (random.Chance(0.5) ? 1 : -1);
        return random.Next(SynthAges.Min(g), SynthAges.Max(g) + 1);
    }
}
