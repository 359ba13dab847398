using System.CommandLine;
using Lethe.Models;
using Lethe.Data;

namespace Lethe.Cli.Commands;

/// <summary>The --task of the commands that read or write a model file: it fixes the head the file must have.</summary>
internal static class TaskOption
{
    public static Option<string> Create() =>
        new("--task") { Description = $"The model's task: {string.Join(", ", TaskNames.Names)}", Required = true };

    /// <summary>Resolves the name before any file is read, so a typo is a usage error and not a file error.</summary>
    public static (string Name, PredictionTask Task) Get(ParseResult parsed, Option<string> option)
    {
        var name = parsed.GetValue(option)!;
        return (name, TaskNames.Resolve(name));
    }
}
