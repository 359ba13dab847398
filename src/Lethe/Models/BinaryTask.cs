namespace Lethe.Models;

/// <summary>One attribute as a 2-way softmax (the reference's MUCAC binary notebooks): class 1 = attribute present.</summary>
public sealed class BinaryTask(string attribute) : MultiClassTask($"binary-{attribute.ToLowerInvariant()}", ["not " + attribute, attribute])
{
    public string Attribute { get; } = attribute;

    /// <summary>The three attributes of MUCAC's binary variants (and SynthFaces' binary tasks), shared so both agree.</summary>
    public static BinaryTask Male { get; } = new("Male");

    public static BinaryTask Smiling { get; } = new("Smiling");

    public static BinaryTask Young { get; } = new("Young");
}
