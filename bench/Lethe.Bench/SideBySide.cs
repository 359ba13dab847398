using System.Diagnostics;
using System.Text.Json;
using Lethe.Diagnostics;
using Lethe.Experiments;
using Lethe.Models;
using static TorchSharp.torch;

/// <summary>
/// Lethe against plain PyTorch on the same work, in one run: ResNet-18 training and evaluation steps on fixed inputs
/// (batch 64, SGD momentum 0.9), in alternating rounds so that both see the same machine load, then the median images/s
/// of each and their ratios. Three comparisons on the same 2 cores:
/// <list type="bullet">
/// <item>one model, 2 threads, each side as it trains and scores a model (Lethe's evaluation is its channels-last pass,
/// <see cref="ChannelsLast"/>): the kernels' own speed;</item>
/// <item>the base models as each side makes them: Lethe's default of two models side by side with one thread each
/// (<c>--jobs 2</c>), against the reference code's one model after the other with 2 threads;</item>
/// <item>the same two-models-one-thread-each schedule in PyTorch (two processes), which a Python user could arrange by
/// hand: how much of the second ratio is the schedule rather than Lethe.</item>
/// </list>
/// PyTorch is Debian's python3 with python3-torch (the first python3 on PATH may be another one); without it only
/// Lethe's figures are printed. Never part of the build or the tests.
/// </summary>
internal static class SideBySide
{
    private const string Python = "/usr/bin/python3";
    private const int Batch = 64, Cores = 2, Warmup = 3;

    private sealed record Round(double Train, double Eval, double PairTrain);

    public static int Run(string[] args)
    {
        int size = args.Length > 0 ? int.Parse(args[0]) : 64;
        int steps = args.Length > 1 ? int.Parse(args[1]) : 20;
        int rounds = args.Length > 2 ? int.Parse(args[2]) : 3;
        var script = Path.Combine(AppContext.BaseDirectory, "pytorch", "resnet18_steps.py");
        bool havePyTorch = File.Exists(Python) && Probe("import torch, torchvision");
        Console.WriteLine($"ResNet-18, {size} px, batch {Batch}, {Cores} cores, {steps} timed steps, {rounds} alternating rounds; LibTorch {__version__}");
        if (!havePyTorch) Console.WriteLine($"{Python} has no torch/torchvision (apt-get install python3-torch python3-torchvision): Lethe only");
        var lethe = new List<Round>();
        var torch = new List<Round>();
        for (int r = 0; r < rounds; r++)
        {
            lethe.Add(Lethe(size, steps));
            if (havePyTorch) torch.Add(PyTorch(script, size, steps));
            Console.WriteLine($"round {r + 1}: Lethe train {lethe[^1].Train:F1} eval {lethe[^1].Eval:F1} two-models {lethe[^1].PairTrain:F1}"
                + (havePyTorch ? $" | PyTorch train {torch[^1].Train:F1} eval {torch[^1].Eval:F1} two-processes {torch[^1].PairTrain:F1} img/s" : " img/s"));
        }
        var (lt, le, lp) = Medians(lethe);
        Console.WriteLine($"median Lethe: one model {Cores} threads: train {lt:F1} img/s, eval {le:F1} img/s; two models 1 thread each: train {lp:F1} img/s; peak RSS {MemoryProbe.PeakMiB():F0} MiB");
        if (!havePyTorch) return 0;
        var (pt, pe, pp) = Medians(torch);
        Console.WriteLine($"median PyTorch: one model {Cores} threads: train {pt:F1} img/s, eval {pe:F1} img/s; two processes 1 thread each: train {pp:F1} img/s");
        Console.WriteLine($"ratio Lethe/PyTorch, one model each: train {lt / pt:F2}, eval {le / pe:F2}");
        Console.WriteLine($"ratio Lethe/PyTorch, base models as each makes them (Lethe --jobs 2 / reference one after the other): train {lp / pt:F2}");
        Console.WriteLine($"ratio Lethe/PyTorch, both two models 1 thread each: train {lp / pp:F2}");
        return 0;
    }

    private static (double Train, double Eval, double Pair) Medians(List<Round> rounds) =>
        (Median(rounds.Select(x => x.Train)), Median(rounds.Select(x => x.Eval)), Median(rounds.Select(x => x.PairTrain)));

    private static Round Lethe(int size, int steps)
    {
        set_num_threads(Cores);
        using var model = Networks.Create("resnet18", 8, CPU, initSeed: 1);
        using var x = rand(Batch, 3, size, size);
        double train = Rate(TrainStep(model, x), steps);
        model.eval();
        double eval;
        using (no_grad())
        using (ChannelsLast.Convert(model))
        using (var nhwc = ChannelsLast.Order(x))
            eval = Rate(() => { using var scope = NewDisposeScope(); model.call(nhwc); }, steps);
        return new Round(train, eval, TwoModels(size, steps));
    }

    /// <summary>Lethe's <c>--jobs 2 --threads 1</c>: two models, each stepping on its own thread; images/s of both together.</summary>
    private static double TwoModels(int size, int steps)
    {
        set_num_threads(1);
        using var start = new Barrier(2);
        var clock = new Stopwatch();
        void Job(int seed)
        {
            set_num_threads(1);
            using var model = Networks.Create("resnet18", 8, CPU, initSeed: seed);
            using var x = rand(Batch, 3, size, size);
            var step = TrainStep(model, x);
            for (int i = 0; i < Warmup; i++) step();
            if (start.SignalAndWait(TimeSpan.FromMinutes(10)) && seed == 1) clock.Start();
            for (int i = 0; i < steps; i++) step();
        }
        var jobs = new[] { new Thread(() => Job(1)), new Thread(() => Job(2)) };
        foreach (var job in jobs) job.Start();
        foreach (var job in jobs) job.Join();
        return 2 * steps * Batch / clock.Elapsed.TotalSeconds;
    }

    private static Action TrainStep(nn.Module<Tensor, Tensor> model, Tensor x)
    {
        var optimizer = optim.SGD(model.parameters(), 0.01, 0.9);
        var task = MultiClassTask.AgeGroups;
        var y = randint(0, 8, [Batch], dtype: ScalarType.Int64);
        return () =>
        {
            using var scope = NewDisposeScope();
            model.train();
            optimizer.zero_grad();
            task.Loss(model.call(x), y).backward();
            optimizer.step();
        };
    }

    private static double Rate(Action step, int steps)
    {
        for (int i = 0; i < Warmup; i++) step();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++) step();
        return steps * Batch / clock.Elapsed.TotalSeconds;
    }

    private static Round PyTorch(string script, int size, int steps)
    {
        var one = Json(RunPython($"\"{script}\" {size} {steps} {Cores}"));
        // Two processes with one thread each whose timed steps start at the same moment, after both have imported
        // torch and warmed up; their images over the stretch from that moment until the later one ends.
        double startAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 + 20;
        var pair = Enumerable.Range(0, 2)
            .Select(_ => Task.Run(() => Json(RunPython(FormattableString.Invariant($"\"{script}\" {size} {steps} 1 {startAt:F3}"))))).ToArray();
        Task.WaitAll(pair);
        double late = pair.Max(p => p.Result.Started) - startAt;
        if (late > 0.5) Console.WriteLine($"  (a PyTorch process started its timed steps {late:F1} s late: its warm-up took longer than 20 s)");
        double stretch = pair.Max(p => p.Result.Ended) - startAt;
        return new Round(one.Train, one.Eval, 2 * steps * Batch / stretch);
    }

    private sealed record PyTorchRun(double Train, double Eval, double Started, double Ended);

    private static PyTorchRun Json(string output)
    {
        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = json.RootElement;
        double Get(string key) => root.GetProperty(key).GetDouble();
        return new PyTorchRun(Get("train"), Get("eval"), Get("started"), Get("ended"));
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
