using Lethe.Experiments;
using Lethe.Reports;
using Spectre.Console;

namespace Lethe.Cli.Rendering;

/// <summary>
/// Prints the results table in the seed README's layout (metrics as rows, one column per model), then what the reports
/// say beside it: the attack's sets, the classes, the reference quirks in force, the notes, and the warnings.
/// </summary>
internal static class TablePrinter
{
    public static void Print(IAnsiConsole console, RunRecord run)
    {
        console.Write(Grid(ResultsTable.From(run), run.Data, run.Spec.Seed));
        foreach (var fact in RunFacts.Of(run).Where(f => f.Name is "Classes" or "Attack" or "Retain" or "Base models" or "Reference quirks"))
            console.MarkupLine($"[grey]{Markup.Escape($"{fact.Name}: {fact.Value}")}[/]");
        foreach (var note in ReportNotes.Of([run]))
            console.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
        foreach (var warning in ReportWarnings.Of([run]))
            console.MarkupLine($"[yellow]Warning: {Markup.Escape(warning)}[/]");
    }

    /// <summary>The table as a console grid: metrics as rows, one right-aligned column per model, titled by the data.</summary>
    public static Table Grid(ResultsTable table, DataSummary data, long seed)
    {
        var grid = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{data.Name} · {data.Task} · {data.ImageSize} px · seed {seed}"));
        grid.AddColumn("Metric");
        foreach (var model in table.Models) grid.AddColumn(new TableColumn(Markup.Escape(model)).RightAligned());
        foreach (var row in table.Rows)
            grid.AddRow(new[] { row.Metric }.Concat(table.Models.Select((_, i) => row.Cell(i))).Select(Markup.Escape).ToArray());
        return grid;
    }
}
