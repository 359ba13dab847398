using System.Globalization;
using System.Text;
using Lethe.Experiments;

namespace Lethe.Reports;

/// <summary>results.md: provenance first, then the table in the seed README's layout.</summary>
public sealed class MarkdownReport : IReportWriter
{
    public string FileName => "results.md";

    public string Render(RunRecord run)
    {
        var text = new StringBuilder();
        var p = run.Provenance;
        var d = run.Data;
        text.AppendLine($"# Lethe benchmark: {d.Name} ({d.Task}, {d.ImageSize} px)");
        text.AppendLine();
        text.AppendLine($"- Command: `{p.CommandLine}`");
        text.AppendLine($"- Preset: {run.Spec.Preset}; seed {run.Spec.Seed}; λ = {run.Spec.Lambda.ToString(CultureInfo.InvariantCulture)}; result hash {run.ResultHash}");
        text.AppendLine($"- Data: train {d.Train} = forget {d.Forget} ({d.ForgetIdentities} people) + retain {d.Retain} ({d.RetainIdentities} people); test {d.Test} ({d.TestIdentities}); unseen {d.Unseen} ({d.UnseenIdentities}); people in both forget and retain: {d.StraddlingIdentities}");
        text.AppendLine($"- Lethe {p.Lethe} ({p.Commit?[..Math.Min(10, p.Commit.Length)] ?? "no commit"}), {p.DotNet}, TorchSharp {p.TorchSharp}, LibTorch {p.LibTorch}, {p.Build} build");
        text.AppendLine($"- Machine: {p.Os}; {p.Cpu}; {p.LogicalCores} logical cores; device {p.Device}; {p.Jobs} parallel jobs × {p.TorchThreads} torch threads");
        text.AppendLine($"- Total wall time: {run.TotalSeconds:F0} s");
        if (p.IsDebug) text.AppendLine("- **Warning: Debug build; timings are not comparable.**");
        text.AppendLine();
        text.AppendLine("\"MIA\" is the forgetting score F = |A − 0.5| as the reference README prints it; A is the attack accuracy. Final Score = NoMUS = λ·Acc + (1 − λ)·(1 − 2F).");
        text.AppendLine();
        text.Append(Table(ResultsTable.From(run)));
        return text.ToString();
    }

    public static string Table(ResultsTable table)
    {
        var text = new StringBuilder();
        text.AppendLine("| Metric | " + string.Join(" | ", table.Models) + " |");
        text.AppendLine("|---|" + string.Concat(table.Models.Select(_ => "---|")));
        foreach (var row in table.Rows)
            text.AppendLine($"| {row.Metric} | " + string.Join(" | ", table.Models.Select((_, i) => row.Cell(i))) + " |");
        return text.ToString();
    }
}
