using Lethe.Experiments;
using Spectre.Console;

namespace Lethe.Cli.Rendering;

/// <summary>
/// Shows a run's progress: live bars (epoch, loss, accuracy, images/s) on a terminal, one plain line per epoch or
/// stage otherwise (CI, nohup), so logs carry no control codes. Quiet shows nothing until the table; verbose logs
/// every event as a plain line, including each optimiser step of a method with its loss.
/// </summary>
internal static class RunRenderer
{
    public static T Run<T>(IAnsiConsole console, Func<IProgress<RunEvent>, T> run, Verbosity verbosity = Verbosity.Normal)
    {
        if (verbosity == Verbosity.Quiet) return run(new SyncProgress<RunEvent>(_ => { }));
        if (verbosity == Verbosity.Verbose || !console.Profile.Capabilities.Interactive)
            return run(new PlainProgress(console, verbosity == Verbosity.Verbose));
        T? record = default;
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context => record = run(new BarProgress(context)));
        return record!;
    }

    private sealed class PlainProgress(IAnsiConsole console, bool everyStep) : IProgress<RunEvent>
    {
        private readonly Dictionary<string, string> _lastStage = new();

        public void Report(RunEvent e)
        {
            if (e.Training is { } t)
            {
                if (t.Step == t.Steps)
                    console.WriteLine($"{t.Model}: epoch {t.Epoch}/{t.Epochs} loss {t.Loss:F4} acc {t.Accuracy:F3} {t.ImagesPerSecond:F0} img/s, resident {t.ResidentMiB:F0} MiB");
                return;
            }
            if (e.Step is { } step && everyStep)
            {
                console.WriteLine($"{e.Stage}: {e.Message} step {step} loss {e.Loss:F4}");
                return;
            }
            if (e.Step is not null)
            {
                // One line when a method enters a new stage, not one per optimiser step.
                if (_lastStage.TryGetValue(e.Stage, out var last) && last == e.Message) return;
                _lastStage[e.Stage] = e.Message;
            }
            console.WriteLine($"{e.Stage}: {e.Message}");
        }
    }

    private sealed class BarProgress(ProgressContext context) : IProgress<RunEvent>
    {
        private readonly Dictionary<string, ProgressTask> _tasks = new();

        public void Report(RunEvent e)
        {
            var task = TaskFor(e.Stage);
            if (e.Training is { } t)
            {
                task.MaxValue = t.Epochs * t.Steps;
                task.Value = (t.Epoch - 1) * t.Steps + t.Step;
                task.Description = Markup.Escape($"{t.Model} epoch {t.Epoch}/{t.Epochs} loss {t.Loss:F3} acc {t.Accuracy:F3} {t.ImagesPerSecond:F0} img/s");
                return;
            }
            task.Description = Markup.Escape(e.Step is { } step ? $"{e.Stage}: {e.Message} step {step} loss {e.Loss:F3}" : $"{e.Stage}: {e.Message}");
            if (e.StageDone) task.Value = task.MaxValue;
        }

        private ProgressTask TaskFor(string stage)
        {
            if (!_tasks.TryGetValue(stage, out var task))
                _tasks[stage] = task = context.AddTask(Markup.Escape(stage), maxValue: 1);
            return task;
        }
    }
}

internal enum Verbosity
{
    Quiet,
    Normal,
    Verbose,
}
