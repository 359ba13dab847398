using System.CommandLine;
using Lethe.Training;
using Spectre.Console;
using static TorchSharp.torch;

namespace Lethe.Cli.Commands;

/// <summary>`lethe export`: write a Lethe model as a PyTorch state_dict that torchvision and the reference's notebooks load.</summary>
internal static class ExportCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var checkpoint = new Option<string>("--checkpoint") { Description = "Lethe checkpoint (or .pth) to export", Required = true };
        var task = TaskOption.Create();
        var pth = new Option<string>("--pth") { Description = "PyTorch state_dict to write (zip format, torchvision key names)", Required = true };
        var flatHead = new Option<bool>("--flat-head") { Description = "Name a multi-label head fc.* (torchvision) instead of the reference's fc.fc.*" };
        var command = new Command("export", "Write a Lethe checkpoint as a PyTorch .pth state_dict.") { checkpoint, task, pth, flatHead };
        command.SetAction(parsed =>
        {
            var (taskName, resolved) = TaskOption.Get(parsed, task);
            var (source, target) = (parsed.GetValue(checkpoint)!, OutputPaths.File("--pth", parsed.GetValue(pth)!));
            OutputPaths.NotTheInput("--checkpoint", source, "--pth", target);
            using var model = ModelFile.Load(source, taskName, CPU, out var note);
            if (note is not null) console.WriteLine($"note: {note}");
            PyTorchCheckpoint.Save(model, target, resolved, parsed.GetValue(flatHead));
            var head = PyTorchCheckpoint.HeadPrefix(resolved, parsed.GetValue(flatHead));
            console.WriteLine($"exported {source} (resnet18, task {taskName}, head {head}*) to {target}");
            return LetheApp.Ok;
        });
        return command;
    }
}
