using System.CommandLine;
using Lethe.Experiments;

namespace Lethe.Cli.Commands;

/// <summary>The --controls of the commands that run a benchmark (`lethe benchmark`, `lethe plan benchmark`).</summary>
internal static class ControlsOption
{
    public static Option<bool> Create() => new("--controls")
    {
        Description = "Add the two controls after the methods: head-only (the Original with only its last layer retrained on retain: "
            + "the feature probes and relearning must find it) and retrained-other-seed (Retrained made again on another seed: nothing should find it)",
    };

    /// <summary>The spec with the controls after its methods when --controls is given.</summary>
    public static ExperimentSpec Apply(ParseResult parsed, Option<bool> controls, ExperimentSpec spec) =>
        parsed.GetValue(controls) ? spec.WithControls() : spec;
}
