using System.CommandLine;

namespace Lethe.Cli.Commands;

/// <summary>The --no-relearn of the commands that run the relearning test (`lethe benchmark`, `lethe plan benchmark`, `lethe evaluate`).</summary>
internal static class RelearnOption
{
    public static Option<bool> CreateSkip() => new("--no-relearn")
    {
        Description = "Skip the relearning test (fine-tuning each model on retain alone) and the weight line from the Original (their rows show –); its settings are --set relearn.steps=100, relearn.learningRate, ...",
    };
}
