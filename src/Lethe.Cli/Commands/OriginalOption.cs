using System.CommandLine;

namespace Lethe.Cli.Commands;

/// <summary>The --original of the commands that run the benchmark (`lethe benchmark`, `lethe plan benchmark`), and of `lethe evaluate`.</summary>
internal static class OriginalOption
{
    public static Option<string?> Create() => new("--original")
    {
        Description = "Use this Original instead of training one: a Lethe checkpoint or a PyTorch file (.pth, TorchScript, safetensors; e.g. the authors' published weights)",
    };

    /// <summary>`lethe evaluate`'s: the Original the given model was unlearned from, trained nothing.</summary>
    public static Option<string?> CreateForEvaluate() => new("--original")
    {
        Description = "The Original the model was unlearned from (a Lethe checkpoint or PyTorch file, read as MODEL is): the ceiling of the relearning test "
            + "(recovery, steps to its level; its curve cached in <cache>/relearn/) and the start of the weight line",
    };

    /// <summary>The file given, as a full path (a worker may start in another folder), or null.</summary>
    public static string? Get(ParseResult parsed, Option<string?> option) => parsed.GetValue(option) is { } file ? Path.GetFullPath(file) : null;
}
