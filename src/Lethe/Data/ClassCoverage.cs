using System.Globalization;
using System.Text.Json.Serialization;
using Lethe.Models;

namespace Lethe.Data;

/// <summary>
/// The classes a dataset's labels actually use, per attribute, and the chance accuracy that follows. A dataset may use
/// 3 of a task's 8 age groups; chance is then 1/3, not the 1/8 the task's name suggests.
/// </summary>
/// <param name="Attributes">One entry per attribute the task scores.</param>
public sealed record ClassCoverage(IReadOnlyList<AttributeClasses> Attributes)
{
    /// <summary>
    /// The expected accuracy of guessing uniformly among the classes that occur: 1/k for one attribute with k classes, the
    /// mean of 1/kⱼ over the attributes of a multi-label task (whose accuracy is the mean over attributes).
    /// </summary>
    [JsonIgnore]
    public double Chance => Attributes.Average(a => 1.0 / a.Occurring.Count);

    /// <summary>True when every class of every attribute occurs.</summary>
    [JsonIgnore]
    public bool Complete => Attributes.All(a => a.Occurring.Count == a.Possible);

    /// <summary>"3 of 8 occur (20-30, 31-45, 46-55); chance 1/3 = 0.333", per attribute for a multi-label task.</summary>
    public string Describe()
    {
        static string Used(AttributeClasses a) => a.Occurring.Count == a.Possible
            ? $"all {a.Possible} occur"
            : $"{a.Occurring.Count} of {a.Possible} occur ({string.Join(", ", a.Occurring)})";
        var chance = Chance.ToString("F3", CultureInfo.InvariantCulture);
        if (Attributes.Count == 1)
            return $"{Used(Attributes[0])}; chance 1/{Attributes[0].Occurring.Count} = {chance}";
        return string.Join("; ", Attributes.Select(a => $"{a.Attribute}: {Used(a)}")) + $"; chance {chance} (mean over the attributes of 1/classes)";
    }

    /// <summary>The classes used by the labels of train, test and unseen (forget and retain are parts of train).</summary>
    public static ClassCoverage Of(BenchmarkData data) =>
        Of(data.Task, data.Train.Samples.Concat(data.Test.Samples).Concat(data.Unseen.Samples));

    /// <summary>The classes the labels of <paramref name="samples"/> use under <paramref name="task"/>.</summary>
    public static ClassCoverage Of(PredictionTask task, IEnumerable<Sample> samples)
    {
        var labels = samples.Select(s => s.Labels).ToArray();
        // A multi-class head has one attribute whose classes are named; each multi-label attribute is absent (0) or present (1).
        IReadOnlyList<string>[] classNames = task is MultiClassTask multiClass
            ? [multiClass.ClassNames]
            : task.Attributes.Select(a => (IReadOnlyList<string>)["not " + a, a]).ToArray();
        var attributes = classNames.Select((names, j) =>
        {
            var used = labels.Select(l => l[j]).Distinct().Order().Select(c => names[c]).ToArray();
            return new AttributeClasses(task.Attributes[j], names.Count, used);
        });
        return new ClassCoverage(attributes.ToArray());
    }
}
