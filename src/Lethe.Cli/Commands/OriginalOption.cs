using System.CommandLine;

namespace Lethe.Cli.Commands;

/// <summary>The --original of the commands that run the benchmark (`lethe benchmark`, `lethe plan benchmark`).</summary>
internal static class OriginalOption
{
    public static Option<string?> Create() => new("--original")
    {
        Description = "Use this Original instead of training one: a Lethe checkpoint or a PyTorch file (.pth, TorchScript, safetensors; e.g. the authors' published weights)",
    };

    /// <summary>The file given, as a full path (a worker may start in another folder), or null.</summary>
    public static string? Get(ParseResult parsed, Option<string?> option) => parsed.GetValue(option) is { } file ? Path.GetFullPath(file) : null;
}
