using SkiaSharp;

namespace Lethe.Data;

/// <summary>One photo session of a person: the age group, the age in years, and how many photos were taken.</summary>
internal readonly record struct SynthSession(int Group, int Years, int Photos);

/// <summary>
/// A synthetic person's persistent traits, drawn once from the person's own stream. They are what a network memorises:
/// head shape, colouring, hair, eyes, brows, nose, mouth, ears, glasses, facial hair. Lengths are in units of a
/// 100 x 100 canvas.
/// </summary>
internal sealed record SynthPerson
{
    public required string Identity { get; init; }
    public required string Family { get; init; }
    public required string Role { get; init; }
    public required bool Male { get; init; }
    public required IReadOnlyList<SynthSession> Sessions { get; init; }
    /// <summary>Years added to the real age when age cues are drawn: some people look older than they are.</summary>
    public required float ApparentAgeOffset { get; init; }
    public required float SmileRate { get; init; }

    public required float HeadWidth { get; init; }
    public required float HeadHeight { get; init; }
    /// <summary>0.55 is an oval chin, 0.8 a square jaw.</summary>
    public required float Jaw { get; init; }
    public required SKColor Skin { get; init; }
    public required float Blush { get; init; }

    public required SKColor Hair { get; init; }
    /// <summary>0 crop, 1 side parting, 2 bangs, 3 curls, 4 bun.</summary>
    public required int HairStyle { get; init; }
    /// <summary>Above 0.45 the hair falls behind the head to the shoulders.</summary>
    public required float HairLength { get; init; }
    public required float HairVolume { get; init; }
    /// <summary>0..1: how far the hairline recedes with age (men only).</summary>
    public required float Baldness { get; init; }
    public required float GreyOnset { get; init; }

    public required float EyeSpacing { get; init; }
    public required float EyeSize { get; init; }
    /// <summary>Eye height / width: 0.45 narrow almond, 0.9 round.</summary>
    public required float EyeShape { get; init; }
    public required SKColor Iris { get; init; }
    /// <summary>0 straight, 1 arched, 2 angled.</summary>
    public required int BrowShape { get; init; }
    public required float BrowThickness { get; init; }
    public required float BrowTilt { get; init; }
    public required float NoseSize { get; init; }
    public required float MouthWidth { get; init; }
    public required float LipThickness { get; init; }
    public required SKColor Lips { get; init; }
    public required float EarSize { get; init; }
    public required float EarOut { get; init; }

    /// <summary>-1 none, 0 round, 1 rectangular, 2 thick tinted.</summary>
    public required int Glasses { get; init; }
    public required SKColor Frame { get; init; }
    /// <summary>0 none, 1 stubble, 2 full beard, 3 goatee.</summary>
    public required int Beard { get; init; }
    public required bool Moustache { get; init; }
    public required SKColor Shirt { get; init; }

    /// <summary>The person's age at the last session, which MUFAC's file names carry ("age at data collection").</summary>
    public int AgeAtCollection => Sessions[^1].Years;

    public static SynthPerson Draw(Random random, string family, int member, SynthFamilyLook look, int photos,
        SynthFacesOptions options)
    {
        float r = (float)options.FamilyResemblance;
        bool male = random.Chance(0.5);
        var sessions = DrawSessions(random, photos, options);
        var hair = SynthRandom.Mix(random.Pick(SynthFamilyLook.HairColours), look.Hair, r);
        return new SynthPerson
        {
            Identity = $"{family}_P{member}",
            Family = family,
            Role = $"P{member}",
            Male = male,
            Sessions = sessions,
            ApparentAgeOffset = (float)options.ApparentAgeSpread * random.Normal(),
            SmileRate = random.Uniform(0.2, 0.8),
            HeadWidth = SynthRandom.Lerp(random.Uniform(20, 27), look.HeadWidth, r) + (male ? 1f : 0f),
            HeadHeight = SynthRandom.Lerp(random.Uniform(26, 33), look.HeadHeight, r),
            Jaw = male ? random.Uniform(0.62, 0.85) : random.Uniform(0.5, 0.7),
            Skin = random.Jitter(SynthRandom.Mix(random.Along(SynthFamilyLook.SkinTones), look.Skin, r), 8),
            Blush = random.Uniform(0, 0.35),
            Hair = random.Jitter(hair, 10),
            HairStyle = random.Next(5),
            HairLength = male ? random.Uniform(0, 0.5) : random.Uniform(0.3, 1),
            HairVolume = random.Uniform(0.5, 3.5),
            Baldness = male && random.Chance(0.5) ? random.Uniform(0.3, 1) : 0,
            GreyOnset = random.Uniform(35, 58),
            EyeSpacing = random.Uniform(8, 12),
            EyeSize = random.Uniform(2.4, 3.6),
            EyeShape = random.Uniform(0.45, 0.9),
            Iris = random.Jitter(SynthRandom.Mix(random.Pick(SynthFamilyLook.IrisColours), look.Iris, r), 10),
            BrowShape = random.Next(3),
            BrowThickness = random.Uniform(1.0, 2.6) + (male ? 0.4f : 0f),
            BrowTilt = random.Uniform(-1.5, 1.5),
            NoseSize = random.Uniform(0.7, 1.4),
            MouthWidth = random.Uniform(7, 12),
            LipThickness = random.Uniform(1.2, 2.6) - (male ? 0.3f : 0f),
            Lips = random.Jitter(new SKColor(170, 80, 80), 25),
            EarSize = random.Uniform(0.7, 1.3),
            EarOut = random.Uniform(0, 1),
            Glasses = random.Chance(0.3) ? random.Next(3) : -1,
            Frame = random.Pick(FrameColours),
            Beard = male && random.Chance(0.45) ? 1 + random.Next(3) : 0,
            Moustache = male && random.Chance(0.35),
            Shirt = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)),
        };
    }

    private static readonly SKColor[] FrameColours = [new(20, 20, 20), new(120, 70, 30), new(180, 180, 190), new(150, 30, 40), new(30, 50, 140)];

    /// <summary>
    /// 2 or 3 (options) age groups in one window of consecutive groups, sometimes with one group skipped ("nearby"),
    /// at increasing ages; the photos are shared out as evenly as possible.
    /// </summary>
    private static SynthSession[] DrawSessions(Random random, int photos, SynthFacesOptions options)
    {
        int count = random.Next(options.MinAgesPerIdentity, options.MaxAgesPerIdentity + 1);
        int span = count >= 2 && count < SynthAges.Count && random.Chance(0.3) ? count + 1 : count;
        // A random anchor moved back by a random part of the window, then clamped, keeps the edge groups (a and h)
        // nearly as frequent as the middle ones.
        int start = Math.Clamp(random.Next(SynthAges.Count) - random.Next(span), 0, SynthAges.Count - span);
        var groups = Enumerable.Range(start, span).ToList();
        if (span > count) groups.RemoveAt(1 + random.Next(span - 2));
        var sessions = new SynthSession[count];
        for (int i = 0; i < count; i++)
        {
            int g = groups[i];
            sessions[i] = new SynthSession(g, random.Next(SynthAges.Min(g), SynthAges.Max(g) + 1),
                photos / count + (i < photos % count ? 1 : 0));
        }
        return sessions;
    }
}
