using System.CommandLine;
using Lethe.Cluster;
using Spectre.Console;

namespace Lethe.Cli.Commands;

/// <summary>`lethe plan`: write a plan of cells to run anywhere (`plan audit`), and see where its cells stand (`plan show`).</summary>
internal static class PlanCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("plan", "Plans of cells: write one for a cluster (`lethe submit`, `lethe run-cell`), or show where its cells stand.");
        command.Subcommands.Add(Show(console));
        return command;
    }

    private static Command Show(IAnsiConsole console)
    {
        var planPath = new Argument<string>("PLAN") { Description = "A plan file" };
        var store = new Option<string?>("--store") { Description = "Results store (default: the one the plan names)" };
        var command = new Command("show", "Each cell of a plan and its state in the shared store: done, running, failed, ready (inputs done) or waiting (for its inputs).")
        {
            planPath, store,
        };
        command.SetAction(parsed =>
        {
            var plan = PlanFile.Read(parsed.GetValue(planPath)!);
            var cellStore = PlanFile.StoreOf(plan, parsed.GetValue(store));
            var cells = PlanStatus.Of(plan, cellStore);
            var table = new Table().Border(TableBorder.Rounded)
                .Title(Markup.Escape($"{plan.Kind} {plan.Mode.ToString()} · N = {plan.N} · {plan.Cells.Count} cells · store {cellStore.Directory}"));
            foreach (var column in new[] { "#", "cell", "role", "state", "detail" }) table.AddColumn(column);
            foreach (var cell in cells)
                table.AddRow(new[] { $"{cell.Cell.Index}", cell.Cell.Name, cell.Cell.Role.ToString().ToLowerInvariant(), cell.State.ToString().ToLowerInvariant(), cell.Detail }
                    .Select(text => new Markup(Markup.Escape(text))).ToArray());
            console.Write(table);
            var counts = PlanStatus.Count(cells);
            console.WriteLine(string.Join(", ", counts.Select(c => $"{c.Value} {c.Key.ToString().ToLowerInvariant()}")));
            return LetheApp.Ok;
        });
        return command;
    }
}
