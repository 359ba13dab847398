using System.CommandLine;
using Lethe.Plans;

namespace Lethe.Cli.Commands;

/// <summary>The --pool of the commands that run the benchmark (`lethe benchmark`, `lethe plan benchmark`).</summary>
internal static class PoolOption
{
    public static Option<int?> Create() => new("--pool")
    {
        Description = "Also test every model person by person against K Retrained models (the run's Retrained and K − 1 on the next seeds, "
            + "the cells `lethe audit` and `lethe evaluate --pool` make): a \"people exposed\" row and people.md; at least 2, 8 or more for the Gaussian image score",
        HelpName = "K",
    };

    /// <summary>K as given, or 0 without the option.</summary>
    /// <exception cref="ArgumentException">K below 2.</exception>
    public static int Get(ParseResult parsed, Option<int?> option)
    {
        if (parsed.GetValue(option) is not { } k) return 0;
        PoolPlanner.RequireSize(k, $"--pool {k}");
        return k;
    }
}
