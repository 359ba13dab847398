using System.CommandLine;
using Lethe.Training;
using Spectre.Console;
using static TorchSharp.torch;

namespace Lethe.Cli.Commands;

/// <summary>
/// `lethe export`: write a Lethe model as a PyTorch state_dict that torchvision and the reference's notebooks load, as a
/// torch.save zip (.pth) or a safetensors file.
/// </summary>
internal static class ExportCommand
{
    /// <summary>The --format names, as users know the formats.</summary>
    private static readonly Dictionary<string, ModelFormat> Formats = new()
    {
        ["pth"] = ModelFormat.TorchSave,
        ["safetensors"] = ModelFormat.Safetensors,
    };

    public static Command Create(IAnsiConsole console)
    {
        var checkpoint = new Option<string>("--checkpoint") { Description = "Lethe checkpoint (or PyTorch file) to export", Required = true };
        var task = TaskOption.Create();
        var output = new Option<string>("--out", "--pth") { Description = "The file to write, with torchvision's key names", Required = true };
        var format = new Option<string?>("--format")
        {
            Description = "pth (torch.save's zip, for torch.load) or safetensors (for safetensors.torch.load_file); "
                + "default: safetensors when --out ends in .safetensors, else pth",
        };
        format.AcceptOnlyFromAmong([.. Formats.Keys]);
        var flatHead = new Option<bool>("--flat-head") { Description = "Name a multi-label head fc.* (torchvision) instead of the reference's fc.fc.*" };
        var command = new Command("export", "Write a Lethe checkpoint as a PyTorch state_dict (.pth) or safetensors file.")
            { checkpoint, task, output, format, flatHead };
        command.SetAction(parsed =>
        {
            var (taskName, resolved) = TaskOption.Get(parsed, task);
            var (source, target) = (parsed.GetValue(checkpoint)!, OutputPaths.File("--out", parsed.GetValue(output)!));
            OutputPaths.NotTheInput("--checkpoint", source, "--out", target);
            var written = Formats[parsed.GetValue(format) ?? DefaultFormat(target)];
            using var model = ModelFile.Load(source, taskName, CPU, out var note);
            if (note is not null) console.WriteLine($"note: {note}");
            PyTorchCheckpoint.Save(model, target, resolved, parsed.GetValue(flatHead), written);
            var head = PyTorchCheckpoint.HeadPrefix(resolved, parsed.GetValue(flatHead));
            console.WriteLine($"exported {source} (resnet18, task {taskName}, head {head}*) to {target} ({ModelFormats.Describe(written)})");
            return LetheApp.Ok;
        });
        return command;
    }

    private static string DefaultFormat(string path) =>
        Path.GetExtension(path).Equals(".safetensors", StringComparison.OrdinalIgnoreCase) ? "safetensors" : "pth";
}
