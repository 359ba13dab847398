using System.CommandLine;
using Lethe.Training;
using Spectre.Console;
using static TorchSharp.torch;

namespace Lethe.Cli.Commands;

/// <summary>
/// `lethe import`: turn a ResNet-18 saved by PyTorch (the reference's published weights, a trainer's checkpoint, a
/// TorchScript archive, a safetensors file) into a Lethe checkpoint.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var pth = new Option<string>("--pth")
        {
            Description = "ResNet-18 weights with torchvision's key names: torch.save (a state_dict or a trainer's checkpoint), "
                + "torch.jit.save (TorchScript) or safetensors",
            Required = true,
        };
        var task = TaskOption.Create();
        var output = new Option<string>("--out") { Description = "Lethe checkpoint to write", Required = true };
        var command = new Command("import", "Convert a PyTorch ResNet-18 (.pth, TorchScript or safetensors) into a Lethe checkpoint.") { pth, task, output };
        command.SetAction(parsed =>
        {
            var (taskName, _) = TaskOption.Get(parsed, task);
            var (source, target) = (parsed.GetValue(pth)!, OutputPaths.File("--out", parsed.GetValue(output)!));
            OutputPaths.NotTheInput("--pth", source, "--out", target);
            using var model = PyTorchCheckpoint.Load(source, taskName, CPU, out var note);
            Checkpoint.Save(model, target);
            if (note is not null) console.WriteLine($"note: {note}");
            console.WriteLine($"imported {source} (resnet18, task {taskName}) to {target}");
            return LetheApp.Ok;
        });
        return command;
    }
}
