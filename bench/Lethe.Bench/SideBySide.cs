using System.Diagnostics;
using System.Text.Json;
using Lethe.Diagnostics;
using Lethe.Experiments;
using Lethe.Models;
using static TorchSharp.torch;

/// <summary>
/// Lethe against plain PyTorch on the same work, in one run: ResNet-18 training and evaluation steps on fixed inputs
/// (batch 64, SGD momentum 0.9, 2 threads), in alternating rounds so that both see the same machine load, then the
/// median images/s of each and their ratio. PyTorch is Debian's python3 with python3-torch (the first python3 on PATH
/// may be another one); without it only Lethe's figures are printed. Never part of the build or the tests.
/// </summary>
internal static class SideBySide
{
    private const string Python = "/usr/bin/python3";
    private const int Batch = 64, Threads = 2, Warmup = 3;

    public static int Run(string[] args)
    {
        int size = args.Length > 0 ? int.Parse(args[0]) : 64;
        int steps = args.Length > 1 ? int.Parse(args[1]) : 20;
        int rounds = args.Length > 2 ? int.Parse(args[2]) : 3;
        var script = Path.Combine(AppContext.BaseDirectory, "pytorch", "resnet18_steps.py");
        bool havePyTorch = File.Exists(Python) && Probe("import torch, torchvision");
        Console.WriteLine($"ResNet-18, {size} px, batch {Batch}, {Threads} threads, {steps} timed steps, {rounds} alternating rounds");
        if (!havePyTorch) Console.WriteLine($"{Python} has no torch/torchvision (apt-get install python3-torch python3-torchvision): Lethe only");
        var lethe = new List<(double Train, double Eval)>();
        var torch = new List<(double Train, double Eval)>();
        for (int r = 0; r < rounds; r++)
        {
            lethe.Add(Lethe(size, steps));
            if (havePyTorch) torch.Add(PyTorch(script, size, steps));
            Console.WriteLine($"round {r + 1}: Lethe train {lethe[^1].Train:F1} eval {lethe[^1].Eval:F1}"
                + (havePyTorch ? $" | PyTorch train {torch[^1].Train:F1} eval {torch[^1].Eval:F1} img/s" : " img/s"));
        }
        double lt = Median(lethe.Select(x => x.Train)), le = Median(lethe.Select(x => x.Eval));
        Console.WriteLine($"median Lethe: train {lt:F1} img/s, eval {le:F1} img/s; peak RSS {MemoryProbe.PeakMiB():F0} MiB");
        if (!havePyTorch) return 0;
        double pt = Median(torch.Select(x => x.Train)), pe = Median(torch.Select(x => x.Eval));
        Console.WriteLine($"median PyTorch: train {pt:F1} img/s, eval {pe:F1} img/s");
        Console.WriteLine($"ratio Lethe/PyTorch: train {lt / pt:F2}, eval {le / pe:F2}");
        return 0;
    }

    private static (double Train, double Eval) Lethe(int size, int steps)
    {
        set_num_threads(Threads);
        using var model = Networks.Create("resnet18", 8, CPU, initSeed: 1);
        if (ChannelsLast) ToChannelsLast(model);
        using var optimizer = optim.SGD(model.parameters(), 0.01, 0.9);
        var task = MultiClassTask.AgeGroups;
        using var x = ChannelsLast ? NhwcOrder(rand(Batch, 3, size, size)) : rand(Batch, 3, size, size);
        using var y = randint(0, 8, [Batch], dtype: ScalarType.Int64);
        void Step()
        {
            using var scope = NewDisposeScope();
            model.train();
            optimizer.zero_grad();
            task.Loss(model.call(x), y).backward();
            optimizer.step();
        }
        double train = Rate(Step, steps);
        model.eval();
        double eval;
        using (no_grad()) eval = Rate(() => { using var scope = NewDisposeScope(); model.call(x); }, steps);
        return (train, eval);
    }

    /// <summary>LETHE_BENCH_NHWC=1: conv weights and input stored in NHWC order (TorchSharp has no memory_format).</summary>
    private static bool ChannelsLast => Environment.GetEnvironmentVariable("LETHE_BENCH_NHWC") == "1";

    private static Tensor NhwcOrder(Tensor t) => t.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);

    private static void ToChannelsLast(nn.Module model)
    {
        using var noGrad = no_grad();
        foreach (var p in model.parameters().Where(p => p.dim() == 4)) p.set_(NhwcOrder(p));
    }

    private static double Rate(Action step, int steps)
    {
        for (int i = 0; i < Warmup; i++) step();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++) step();
        return steps * Batch / clock.Elapsed.TotalSeconds;
    }

    private static (double Train, double Eval) PyTorch(string script, int size, int steps)
    {
        var output = RunPython($"\"{script}\" {size} {steps} {Threads}");
        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        return (json.RootElement.GetProperty("train").GetDouble(), json.RootElement.GetProperty("eval").GetDouble());
    }

    private static bool Probe(string code)
    {
        try { RunPython($"-c \"{code}\""); return true; }
        catch (InvalidOperationException) { return false; }
    }

    private static string RunPython(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(Python, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{Python} did not start");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{Python} {arguments} failed: {error.Trim()}");
        return output;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
