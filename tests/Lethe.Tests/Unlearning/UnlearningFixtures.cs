using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Models;
using Lethe.Unlearning;
using static TorchSharp.torch;

namespace Lethe.Tests.Unlearning;

/// <summary>
/// Tiny worlds for the unlearning tests: ResNet-18 on 16×16 images whose colour tells the class, so a few SGD steps
/// visibly move the losses. The transform is the deterministic eval transform, so losses measured before and after a
/// run see the same pixels.
/// </summary>
internal static class UnlearningFixtures
{
    public const int Side = 16;

    /// <summary>Small batches keep a ResNet-18 step cheap; the loop shapes only care that a full batch has this size.</summary>
    public const int BatchSize = 16;

    public static MultiClassTask FourClasses { get; } = new("toy-4", ["red", "green", "blue", "grey"]);

    /// <summary>Image i has class i mod classes: a class colour plus noise. <paramref name="shuffledLabels"/> gives each
    /// image a random class instead, so its label no longer follows its colour. <paramref name="side"/> pixels a side
    /// (default <see cref="Side"/>).</summary>
    public static ImageSet ColouredSet(int count, int seed, int classes = 4, bool shuffledLabels = false, int side = Side)
    {
        var random = new Random(seed);
        var samples = new Sample[count];
        var pixels = new byte[count * 3 * side * side];
        for (int i = 0; i < count; i++)
        {
            var colour = i % classes;
            var label = shuffledLabels ? random.Next(classes) : colour;
            samples[i] = new Sample($"s{seed}-{i}", $"p{i / 4}", [label]);
            for (int c = 0; c < 3; c++)
            {
                var level = colour == c || colour == 3 ? 180 : 60;
                for (int p = 0; p < side * side; p++)
                    pixels[(i * 3 + c) * side * side + p] = (byte)Math.Clamp(level + random.Next(-40, 41), 0, 255);
            }
        }
        return new ImageSet(samples, tensor(pixels, [count, 3, side, side]));
    }

    /// <summary>Image i with three 0/1 attributes: its colour bits (so they are learnable).</summary>
    public static ImageSet MultiLabelSet(int count, int seed)
    {
        using var coloured = ColouredSet(count, seed);
        var samples = coloured.Samples.Select((s, i) =>
            s with { Labels = [i % 4 == 0 ? 1 : 0, i % 4 == 1 ? 1 : 0, i % 2] }).ToArray();
        return new ImageSet(samples, coloured.Pixels.clone());
    }

    public static nn.Module<Tensor, Tensor> NewModel(PredictionTask task, long seed = 1)
    {
        // A private init seed: tests run in parallel and seed or draw from LibTorch's global generator.
        return Networks.Create("resnet18", task.Outputs, CPU, initSeed: seed);
    }

    public static UnlearningContext Context(nn.Module<Tensor, Tensor> original, PredictionTask task, ImageSet forget,
        ImageSet retain, IProgress<UnlearningProgress>? progress = null) => new()
    {
        Original = original,
        Task = task,
        Forget = forget,
        Retain = retain,
        TrainTransform = new EvalTransform(Side),
        BatchSize = BatchSize,
        Progress = progress,
    };

    /// <summary>The loss on the whole set as one batch, with batch statistics (training-mode BN). The model's running
    /// statistics are put back afterwards, so measuring changes nothing.</summary>
    public static double Loss(nn.Module<Tensor, Tensor> model, PredictionTask task, ImageSet set) =>
        WithBatchStatistics(model, () => task.Loss(model.call(Images(set)), task.Targets(set.Samples)));

    /// <summary>The student-to-teacher softmax divergence on the whole set, the student with batch statistics as in training.</summary>
    public static double Divergence(nn.Module<Tensor, Tensor> student, nn.Module<Tensor, Tensor> teacher, ImageSet set) =>
        WithBatchStatistics(student, () =>
        {
            var images = Images(set);
            return Distillation.SoftmaxKl(student.call(images), teacher.call(images), 4);
        });

    public static Tensor Images(ImageSet set) => set.Pixels.to_type(ScalarType.Float32).div(255);

    private static double WithBatchStatistics(nn.Module<Tensor, Tensor> model, Func<Tensor> measure)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var buffers = model.buffers().Select(b => (Buffer: b, Saved: b.clone())).ToArray();
        var wasTraining = model.training;
        model.train();
        var value = measure().item<float>();
        model.train(wasTraining);
        foreach (var (buffer, saved) in buffers) buffer.copy_(saved);
        return value;
    }

    /// <summary>Every parameter and buffer as managed arrays, by name, to compare models bit for bit.</summary>
    public static Dictionary<string, float[]> Snapshot(nn.Module model, bool buffers = true)
    {
        var entries = model.named_parameters().Select(p => (p.name, (Tensor)p.parameter));
        if (buffers) entries = entries.Concat(model.named_buffers().Select(b => (b.name, b.buffer)));
        return entries.Where(e => e.Item2.is_floating_point())
            .ToDictionary(e => e.name, e => e.Item2.detach().cpu().data<float>().ToArray());
    }

    public static bool Same(float[] a, float[] b) => a.AsSpan().SequenceEqual(b);
}
