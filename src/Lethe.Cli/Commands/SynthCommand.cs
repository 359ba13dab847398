using System.CommandLine;
using Lethe.Data;
using Spectre.Console;

namespace Lethe.Cli.Commands;

/// <summary>`lethe synth export`: write SynthFaces in MUFAC's released on-disk layout, for other tools and loaders.</summary>
internal static class SynthCommand
{
    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var output = new Option<string>("--out") { Description = "Folder to write (MUFAC layout: custom_*_dataset.csv, *_images/)", Required = true };
        var seed = new Option<long>("--seed") { Description = "Generator seed", DefaultValueFactory = _ => 42 };
        var imageSize = new Option<int>("--image-size") { Description = "Image side in pixels", DefaultValueFactory = _ => 128 };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the --out folder when it is not empty (an empty one is always used)" };
        var export = new Command("export", "Write the SynthFaces dataset in MUFAC's on-disk layout.") { output, seed, imageSize, overwrite };
        export.SetAction(parsed =>
        {
            // The default benchmark's people and settings, so the export is the data `lethe benchmark` uses.
            var options = Lethe.Experiments.Presets.Default.Synth with { Seed = parsed.GetValue(seed), ImageSize = parsed.GetValue(imageSize) };
            var summary = SynthExport.Write(options, parsed.GetValue(output)!, parsed.GetValue(overwrite));
            console.WriteLine($"wrote {summary.Directory}: train {summary.TrainRows} rows (the first {summary.ForgetRows} are the forget set), val (= test) {summary.ValRows}, test (= unseen) {summary.TestRows}");
            return LetheApp.Ok;
        });
        return new Command("synth", "The built-in synthetic identity dataset.") { export };
    }
}
