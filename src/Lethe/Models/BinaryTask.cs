namespace Lethe.Models;

/// <summary>One attribute as a 2-way softmax (MUCAC binary variants, spec §6): class 1 = attribute present.</summary>
public sealed class BinaryTask(string attribute) : MultiClassTask($"binary-{attribute.ToLowerInvariant()}", ["not " + attribute, attribute])
{
    public string Attribute { get; } = attribute;
}
