namespace Lethe.Data;

/// <summary>The classes of one predicted attribute that a dataset's labels use.</summary>
/// <param name="Attribute">The attribute ("age-8" for a single-label task, "Male" for one label of a multi-label task).</param>
/// <param name="Possible">How many classes the task's head can predict for it.</param>
/// <param name="Occurring">The names of the classes some label uses, in class order.</param>
public sealed record AttributeClasses(string Attribute, int Possible, IReadOnlyList<string> Occurring);
