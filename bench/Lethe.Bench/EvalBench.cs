using System.Diagnostics;
using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Evaluation;
using Lethe.Experiments;
using Lethe.Models;
using Lethe.Training;
using static TorchSharp.torch;

/// <summary>
/// Lethe's evaluation on MUFAC test images, channels-last (SetScorer's default) against the contiguous pass it replaced,
/// in paired rounds so both see the same machine load: images/s and CPU time per image of each, their paired ratios,
/// and how far the two passes' numbers are apart. Usage: eval MUFAC_DIR [size] [rounds] [cache] [model file].
/// </summary>
internal static class EvalBench
{
    private const int Threads = 2, Images = 320;

    public static int Run(string[] args)
    {
        int size = args.Length > 1 ? int.Parse(args[1]) : 64;
        int rounds = args.Length > 2 ? int.Parse(args[2]) : 15;
        var spec = new ExperimentSpec
        {
            Dataset = "mufac", DataDirectory = args[0], ImageSize = size,
            CacheDirectory = args.Length > 3 ? args[3] : Path.Combine(Path.GetTempPath(), "lethe-bench"),
        };
        set_num_threads(Threads);
        using var data = DatasetFactory.Build(spec);
        using var model = args.Length > 4 ? ModelFile.Load(args[4], "mufac", CPU) : Networks.Create("resnet18", 8, CPU, initSeed: 1);
        var transform = new EvalTransform(size);
        // A few batches a round and many rounds, each pass timed right after the other (order alternating), so that
        // both see the same load on a shared machine; the per-round ratio is what the two are compared by.
        using var images = data.Test.Subset(Enumerable.Range(0, Math.Min(Images, data.Test.Count)).ToArray());
        Console.WriteLine($"MUFAC test images ({images.Count} a pass), {size} px, {Threads} threads, {rounds} paired rounds");
        SetScores Plain() => SetScorer.Score(model, data.Task, images, transform, CPU, channelsLast: false);
        SetScores Nhwc() => SetScorer.Score(model, data.Task, images, transform, CPU);
        Plain(); // warm-up of both paths: LibTorch builds its kernels on first use
        Nhwc();
        var rates = new List<(double Plain, double Nhwc, double PlainCpu, double NhwcCpu)>();
        SetScores reference = null!, scores = null!;
        for (int r = 0; r < rounds; r++)
        {
            double plainRate = 0, nhwcRate = 0, plainCpu = 0, nhwcCpu = 0;
            void TimePlain() => (plainRate, plainCpu) = Time(images.Count, () => reference = Plain());
            void TimeNhwc() => (nhwcRate, nhwcCpu) = Time(images.Count, () => scores = Nhwc());
            if (r % 2 == 0) { TimePlain(); TimeNhwc(); } else { TimeNhwc(); TimePlain(); }
            rates.Add((plainRate, nhwcRate, plainCpu, nhwcCpu));
            Console.WriteLine($"round {r + 1}: contiguous {plainRate:F1} img/s ({plainCpu:F1} ms CPU/img), channels-last {nhwcRate:F1} img/s ({nhwcCpu:F1} ms CPU/img)");
        }
        double maxDiff = reference.Losses.Zip(scores.Losses, (a, b) => Math.Abs(a - b)).Max();
        Console.WriteLine($"median: contiguous {Median(rates.Select(x => x.Plain)):F1} img/s, channels-last {Median(rates.Select(x => x.Nhwc)):F1} img/s; "
            + $"median paired ratio {Median(rates.Select(x => x.Nhwc / x.Plain)):F2}");
        Console.WriteLine($"median CPU time per image: contiguous {Median(rates.Select(x => x.PlainCpu)):F1} ms, channels-last {Median(rates.Select(x => x.NhwcCpu)):F1} ms; "
            + $"median paired ratio {Median(rates.Select(x => x.PlainCpu / x.NhwcCpu)):F2}");
        Console.WriteLine($"accuracy: contiguous {reference.Accuracy:F6}, channels-last {scores.Accuracy:F6}; largest per-image loss difference {maxDiff:E2}");
        return 0;
    }

    /// <summary>Images/s of one pass (wall clock) and the process's CPU milliseconds per image.</summary>
    private static (double Rate, double CpuMs) Time(int images, Action pass)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        pass();
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (images / wall, (process.TotalProcessorTime - cpu).TotalMilliseconds / images);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
