using System.CommandLine;
using Lethe.Evaluation;

namespace Lethe.Cli.Commands;

/// <summary>The --retain-eval of the commands that evaluate: all of retain, or a seeded sample of N images.</summary>
internal static class RetainEvalOption
{
    public static Option<string?> Create() => new("--retain-eval")
    {
        Description = $"Retain images each model is scored on: 'all', or a seeded sample of N, the same for every model (default {RetainSample.DefaultSize}; a smaller retain set is used whole)",
    };

    /// <summary>The size given, or <paramref name="fallback"/> when the option is absent.</summary>
    public static int? Get(ParseResult parsed, Option<string?> option, int? fallback) =>
        parsed.GetValue(option) is { } text ? RetainSample.ParseSize(text) : fallback;
}
