namespace Lethe.Experiments;

/// <summary>
/// Named, ready-made specs. "default" is the SynthFaces benchmark sized to finish within about 10 minutes on a 2-core
/// CPU while still showing memorisation; "quick" is a ~2-minute smoke run of the same pipeline.
/// </summary>
public static class Presets
{
    public static IReadOnlyList<string> Names { get; } = ["default", "quick"];

    public static ExperimentSpec Get(string name) => name switch
    {
        "default" => Default,
        "quick" => Quick,
        _ => throw new ArgumentException($"unknown preset '{name}'; known: {string.Join(", ", Names)}"),
    };

    public static ExperimentSpec Default { get; } = new() { Preset = "default" };

    public static ExperimentSpec Quick { get; } = new()
    {
        Preset = "quick",
        Synth = new() { ForgetIdentities = 20, RetainIdentities = 60, TestIdentities = 20, UnseenIdentities = 20 },
        Recipes = Lethe.Training.BaseRecipes.For(Lethe.Models.MultiClassTask.AgeGroups).WithEpochs(10),
    };
}
