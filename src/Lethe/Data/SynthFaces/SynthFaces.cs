using System.Security.Cryptography;
using System.Text;
using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Data;

/// <summary>
/// The built-in synthetic identity dataset: deterministic, seeded, drawn with SkiaSharp, no files and no download.
/// Each person has persistent traits (what a network can memorise) and is photographed at 2-3 ages, so that age must
/// be read from cues that new people share only in part. Splits are by identity: train = forget people + retain
/// people; test and unseen are other people.
/// </summary>
public static class SynthFaces
{
    /// <summary>The dataset name in <see cref="BenchmarkData.Name"/>.</summary>
    public const string Name = "synthfaces";

    /// <summary>Raised whenever a change to the generator changes its pixels or labels, so that old caches miss.</summary>
    public const int GeneratorVersion = 1;

    /// <summary>The task kinds <see cref="Task"/> and <see cref="Build"/> accept.</summary>
    public static IReadOnlyList<string> TaskKinds { get; } = ["age", "male", "smiling", "young", "multilabel"];

    /// <summary>
    /// The prediction task of a kind: "age" (8 groups, as MUFAC), "male", "smiling", "young" (binary, as MUCAC's
    /// binary variants) or "multilabel" ([Male, Smiling, Young], as MUCAC). Case-insensitive.
    /// </summary>
    public static PredictionTask Task(string kind) => (kind ?? "").Trim().ToLowerInvariant() switch
    {
        "age" => MultiClassTask.AgeGroups,
        "male" => BinaryTask.Male,
        "smiling" => BinaryTask.Smiling,
        "young" => BinaryTask.Young,
        "multilabel" => MultiLabelTask.MaleSmilingYoung,
        _ => throw new ArgumentException(
            $"Unknown SynthFaces task kind '{kind}'. Valid kinds: {string.Join(", ", TaskKinds)}", nameof(kind)),
    };

    /// <summary>
    /// Renders the dataset for one task. Forget and Retain are copies of Train's rows (forget people's photos come first
    /// in Train). The result is bit-identical for the same options on any number of threads.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range, or the task kind is unknown.</exception>
    public static BenchmarkData Build(SynthFacesOptions options, string taskKind)
    {
        ArgumentNullException.ThrowIfNull(options);
        var task = Task(taskKind);
        var rendering = SynthRendering.Render(options);
        var train = ToImageSet(rendering.Train, rendering.TrainPixels, task, options.ImageSize);
        int forget = rendering.Plan.Forget.Count;
        return new BenchmarkData
        {
            Name = Name,
            Task = task,
            Train = train,
            Forget = train.Subset(Enumerable.Range(0, forget).ToArray()),
            Retain = train.Subset(Enumerable.Range(forget, train.Count - forget).ToArray()),
            Test = ToImageSet(rendering.Plan.Test, rendering.TestPixels, task, options.ImageSize),
            Unseen = ToImageSet(rendering.Plan.Unseen, rendering.UnseenPixels, task, options.ImageSize),
            Fingerprint = Fingerprint(rendering, task),
        };
    }

    /// <summary>The labels of one photo for a task: [age group], [attribute] or [Male, Smiling, Young].</summary>
    internal static int[] Labels(SynthImage image, PredictionTask task)
    {
        var attributes = image.Attributes;
        if (task == MultiClassTask.AgeGroups) return [image.Photo.Group];
        if (task is MultiLabelTask) return attributes;
        if (task == BinaryTask.Male) return [attributes[0]];
        if (task == BinaryTask.Smiling) return [attributes[1]];
        if (task == BinaryTask.Young) return [attributes[2]];
        throw new ArgumentException($"SynthFaces has no labels for task {task.Name}", nameof(task));
    }

    private static ImageSet ToImageSet(IReadOnlyList<SynthImage> images, byte[] pixels, PredictionTask task, int size)
    {
        var samples = images.Select(i => new Sample(i.Name, i.Person.Identity, Labels(i, task))).ToArray();
        return new ImageSet(samples, tensor(pixels, [images.Count, 3, size, size], ScalarType.Byte));
    }

    /// <summary>SHA-256 over the generator version, the options, the task, every sample and every pixel.</summary>
    private static string Fingerprint(SynthRendering rendering, PredictionTask task)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{Name}/v{GeneratorVersion}/{rendering.Options.Canonical()}/{task.Name}\n"));
        var sets = new[] { rendering.Train, rendering.Plan.Test, rendering.Plan.Unseen };
        foreach (var set in sets)
            foreach (var image in set)
                hash.AppendData(Encoding.UTF8.GetBytes($"{image.Name},{image.Person.Identity},{string.Join(" ", Labels(image, task))}\n"));
        hash.AppendData(rendering.TrainPixels);
        hash.AppendData(rendering.TestPixels);
        hash.AppendData(rendering.UnseenPixels);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
