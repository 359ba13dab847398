using System.CommandLine;
using Lethe.Experiments;

namespace Lethe.Cli.Commands;

/// <summary>The seed sweep of `lethe benchmark` and `lethe plan benchmark`: --seeds and --vary.</summary>
internal sealed class SweepOptions
{
    public Option<string?> Seeds { get; } = new("--seeds") { Description = "Repeat over seeds: a count (5: --seed and the next 4) or a list (1,2,3); cells become mean ± 95% CI" };

    public Option<SeedVariation> Vary { get; } = new("--vary")
    {
        Description = "What the seeds change: all (data, training, unlearning) or unlearn (same cached Original and Retrained, only the methods' seed)",
        DefaultValueFactory = _ => SeedVariation.All,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Seeds);
        command.Options.Add(Vary);
    }

    /// <summary>The sweep asked for, or null for one run.</summary>
    /// <exception cref="ArgumentException">A bad --seeds (named).</exception>
    public SeedSweep? Sweep(ParseResult parsed, long firstSeed) =>
        parsed.GetValue(Seeds) is { } text ? SeedSweep.Parse(text, firstSeed, parsed.GetValue(Vary)) : null;
}
