using System.Diagnostics;
using Lethe.Diagnostics;
using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Experiments;
using Lethe.Models;
using TorchSharp;
using static TorchSharp.torch;

// Speed and memory of ResNet-18 training and evaluation on this machine: images/s with and without the data pipeline,
// and peak RSS. Not run by CI; see README "Performance". Usage: dotnet run -c Release --project bench/Lethe.Bench -- [sizes] [steps]
// or: ... -- vs-pytorch [size] [steps] [rounds]  (Lethe and plain PyTorch on the same work, alternating; see SideBySide.cs)
// or: ... -- decode MUFAC_DIR [size]  (decoding a MUFAC folder into the image cache and reading it back; see DecodeBench.cs)
// or: ... -- eval MUFAC_DIR [size] [rounds] [cache] [model]  (evaluation channels-last against contiguous; see EvalBench.cs)
// or: ... -- compare-runs DIR_A DIR_B  (two run folders of the same options agree but for timings; see CompareRuns.cs)
// or: ... -- namespaces [Lethe.dll]  (the namespace graph and its cycles; see NamespaceGraph.cs)
if (args.Length > 0 && args[0] == "vs-pytorch") return SideBySide.Run(args[1..]);
if (args.Length > 0 && args[0] == "decode") return DecodeBench.Run(args[1..]);
if (args.Length > 0 && args[0] == "eval") return EvalBench.Run(args[1..]);
if (args.Length > 0 && args[0] == "compare-runs") return CompareRuns.Run(args[1..]);
if (args.Length > 0 && args[0] == "namespaces") return NamespaceGraph.Run(args[1..]);
var sizes = args.Length > 0 ? args[0].Split(',').Select(int.Parse).ToArray() : [64, 128];
int steps = args.Length > 1 ? int.Parse(args[1]) : 20;
const int batch = 64, threads = 2;
set_num_threads(threads);
Console.WriteLine($"ResNet-18, batch {batch}, {threads} threads, {steps} timed steps after 3 warm-up steps; LibTorch {__version__}");
Console.WriteLine("size | train img/s (model only) | train img/s (with pipeline) | pipeline ms/batch | eval img/s | peak RSS MiB");
foreach (var size in sizes)
{
    MemoryProbe.ResetPeak();
    manual_seed(1);
    var model = Networks.Create("resnet18", 8, CPU);
    var task = MultiClassTask.AgeGroups;
    using var optimizer = optim.SGD(model.parameters(), 0.01, 0.9);
    var pixels = randint(0, 256, [batch * 4, 3, size, size], dtype: ScalarType.Byte);
    var samples = Enumerable.Range(0, batch * 4).Select(i => new Sample($"s{i}", $"p{i % 16}", [i % 8])).ToArray();
    using var set = new ImageSet(samples, pixels);
    var train = new TrainTransform(size, TrainAugmentation.Default);
    var loader = new BatchLoader(set, task, train, BatchOptions.Training, CPU, 1, "bench");

    // Model only: the same pre-built batch every step.
    using var fixedImages = rand(batch, 3, size, size);
    using var fixedTargets = randint(0, 8, [batch], dtype: ScalarType.Int64);
    double Step(Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        model.train();
        optimizer.zero_grad();
        var loss = task.Loss(model.call(x), y);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
    for (int i = 0; i < 3; i++) Step(fixedImages, fixedTargets);
    var clock = Stopwatch.StartNew();
    for (int i = 0; i < steps; i++) Step(fixedImages, fixedTargets);
    double modelOnly = steps * batch / clock.Elapsed.TotalSeconds;

    // With the pipeline: batches come from the prefetching loader with the full training augmentation.
    clock.Restart();
    int done = 0;
    while (done < steps)
        foreach (var b in loader.Epoch())
        {
            using (b) Step(b.Images, b.Targets);
            if (++done == steps) break;
        }
    double withPipeline = steps * batch / clock.Elapsed.TotalSeconds;

    // The augmentation alone, on the calling thread.
    var generator = new Generator(7);
    using var batchPixels = pixels.narrow(0, 0, batch);
    clock.Restart();
    for (int i = 0; i < steps; i++) { using var scope = NewDisposeScope(); train.Apply(batchPixels, generator); }
    double pipelineMs = clock.Elapsed.TotalMilliseconds / steps;

    model.eval();
    double evalRate;
    using (no_grad())
    {
        for (int i = 0; i < 2; i++) { using var scope = NewDisposeScope(); model.call(fixedImages); }
        clock.Restart();
        for (int i = 0; i < steps; i++) { using var scope = NewDisposeScope(); model.call(fixedImages); }
        evalRate = steps * batch / clock.Elapsed.TotalSeconds;
    }
    Console.WriteLine($"{size} | {modelOnly:F0} | {withPipeline:F0} | {pipelineMs:F1} | {evalRate:F0} | {MemoryProbe.PeakMiB():F0}");
    model.Dispose();
}
return 0;
