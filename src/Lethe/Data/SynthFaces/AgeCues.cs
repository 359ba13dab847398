namespace Lethe.Data;

/// <summary>
/// How old a face looks, as drawing amounts in 0..1 derived from the photo's cue age and scaled by CueStrength:
/// Child (rounder face, bigger and lower eyes, smaller nose and mouth; fades out by 18), Adult (jaw and facial hair
/// grow in from 13 to 25), Wrinkles (from 30, full at 75), Grey (hair from the person's greying onset, full 25 years
/// later) and Recession (hairline, from 30 in men prone to baldness).
/// </summary>
internal readonly record struct AgeCues(float Child, float Adult, float Wrinkles, float Grey, float Recession)
{
    public static AgeCues Of(SynthPerson person, SynthPhoto photo, double strength)
    {
        float age = photo.CueAge, s = (float)strength;
        return new AgeCues(
            Child: Math.Clamp(s * (18 - age) / 18, 0, 1),
            // Without age cues (strength 0) everyone is drawn as an adult.
            Adult: 1 + Math.Min(s, 1) * (Math.Clamp((age - 13) / 12, 0, 1) - 1),
            Wrinkles: Math.Clamp(s * (age - 30) / 45, 0, 1),
            Grey: Math.Clamp(s * (age - person.GreyOnset) / 25, 0, 1),
            Recession: Math.Clamp(s * person.Baldness * (age - 30) / 35, 0, 1));
    }
}
