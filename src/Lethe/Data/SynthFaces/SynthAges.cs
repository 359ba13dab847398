namespace Lethe.Data;

/// <summary>MUFAC's eight age groups (the MUFAC notebooks' <c>label_to_age</c>) as year ranges, and the Young rule of
/// SynthFaces.</summary>
public static class SynthAges
{
    /// <summary>Number of age groups (a..h).</summary>
    public const int Count = 8;

    /// <summary>A photo is Young when the person's age in it is below this (groups a..d, 0-30 years).</summary>
    public const int YoungBelow = 31;

    private static readonly int[] Lowest = [0, 7, 13, 20, 31, 46, 56, 67];
    private static readonly int[] Highest = [6, 12, 19, 30, 45, 55, 66, 80];

    /// <summary>The youngest age in years of group <paramref name="group"/> (0..7).</summary>
    public static int Min(int group) => Lowest[group];

    /// <summary>The oldest age in years of group <paramref name="group"/> (0..7).</summary>
    public static int Max(int group) => Highest[group];

    /// <summary>MUFAC's class letter: 0 -> 'a' ... 7 -> 'h'.</summary>
    public static char Letter(int group) => (char)('a' + group);

    /// <summary>The group of an age in years (ages above 80 count as group h).</summary>
    public static int GroupOf(int years)
    {
        for (int g = Count - 1; g > 0; g--)
            if (years >= Lowest[g]) return g;
        return 0;
    }
}
