using System.CommandLine;
using Lethe.Models;
using Lethe.Training;
using Spectre.Console;
using static TorchSharp.torch;

namespace Lethe.Cli.Commands;

/// <summary>`lethe import`: turn a PyTorch state_dict (the reference's published weights) into a Lethe checkpoint.</summary>
internal static class ImportCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var pth = new Option<string>("--pth") { Description = "PyTorch state_dict saved with torch.save (torchvision resnet18 key names)", Required = true };
        var task = new Option<string>("--task") { Description = $"The model's task: {string.Join(", ", TaskNames.Names)}", Required = true };
        var output = new Option<string>("--out") { Description = "Lethe checkpoint to write", Required = true };
        var command = new Command("import", "Convert a PyTorch .pth ResNet-18 into a Lethe checkpoint.") { pth, task, output };
        command.SetAction(parsed =>
        {
            var (source, taskName, target) = (parsed.GetValue(pth)!, parsed.GetValue(task)!, parsed.GetValue(output)!);
            TaskNames.Resolve(taskName); // a usage error before any file is read
            using var model = PyTorchCheckpoint.Load(source, taskName, CPU);
            Checkpoint.Save(model, target);
            console.WriteLine($"imported {source} (resnet18, task {taskName}) to {target}");
            return LetheApp.Ok;
        });
        return command;
    }
}
