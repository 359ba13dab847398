using Lethe.Numerics;
using System.Globalization;
using System.Text;
using Lethe.Audit;
using Lethe.Audit.Metrics;
using Lethe.Reports.Plots;

namespace Lethe.Reports.Audit;

/// <summary>The audit report as Markdown: warnings and sanity checks first, then the scores, the people, the cost.</summary>
internal static class AuditMarkdown
{
    public static string Render(AuditResult result, AuditRunFacts facts, IReadOnlyList<PlotImage> figures,
        IReadOnlyList<ExposedPerson> exposed, string directory)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Audit ({result.Mode}, N = {result.N}): {result.Dataset} {result.Task}, {result.ImageSize} px");
        text.AppendLine();
        foreach (var warning in result.Warnings) text.AppendLine($"- **Warning: {warning}**");
        if (result.Warnings.Count > 0) text.AppendLine();
        foreach (var (name, value) in AuditFacts.Of(result, facts)) text.AppendLine($"- {name}: {value}");
        text.AppendLine();
        text.AppendLine("## Sanity checks");
        text.AppendLine();
        text.AppendLine($"- Null check (retrained against retrained): {result.Null.Verdict}");
        text.AppendLine($"- Original check (Original against retrained): {result.Original.Verdict}");
        text.AppendLine();
        text.AppendLine("## Scores");
        text.AppendLine();
        text.Append(Table(AuditTable.From(result)));
        text.AppendLine();
        if (AuditScoreNotes.From(result) is { Rows.Count: > 0 } notes)
        {
            text.AppendLine(AuditScoreNotes.Title + ":");
            text.AppendLine();
            text.Append(Table(notes));
            text.AppendLine();
        }
        text.AppendLine(AuditFacts.Legend(result));
        text.AppendLine();
        text.AppendLine("## People still exposed");
        text.AppendLine();
        Figure(text, figures[0], directory);
        text.AppendLine("Per-identity ε across the forget identities:");
        text.AppendLine();
        text.Append(Table(new AuditTable(IdentityQuantiles.Columns, IdentityQuantiles.Rows(result))));
        text.AppendLine();
        if (exposed.Count > 0)
        {
            text.AppendLine("## The most exposed people");
            text.AppendLine();
            text.AppendLine($"Ranked by how many methods leave their ε above {AuditTable.ExposedEpsilon:0}, then by their mean ε over the methods"
                + (result.Mode == "fixed-original" ? " (seedless methods left out: they expose everyone by construction here)." : "."));
            text.AppendLine();
            var methods = exposed[0].EpsilonByMethod.Keys.ToArray();
            text.AppendLine("| Person | Forget images | Exposed by | mean ε | " + string.Join(" | ", methods.Select(m => $"ε {m}")) + " |");
            text.AppendLine("|---|---|---|---|" + string.Concat(methods.Select(_ => "---|")));
            foreach (var person in exposed)
                text.AppendLine($"| {person.Identity} | {(person.StripPath is { } p ? $"![{person.Identity}]({Relative(p, directory)})" : "–")} | "
                    + $"{person.ExposedBy.Count}/{methods.Length} | {AuditTable.Number(person.MeanEpsilon, "F2")} | "
                    + string.Join(" | ", methods.Select(m => AuditTable.Number(person.EpsilonByMethod[m], "F2"))) + " |");
            text.AppendLine();
        }
        if (PersonVerdictTable.From(result) is { } verdicts)
        {
            text.AppendLine("## Did each model forget each person?");
            text.AppendLine();
            text.AppendLine(PersonVerdictTable.Legend);
            text.AppendLine();
            text.Append(Table(verdicts));
            text.AppendLine();
        }
        text.AppendLine("## Forgetting quality");
        text.AppendLine();
        Figure(text, figures[1], directory);
        text.AppendLine("## Cost");
        text.AppendLine();
        foreach (var (name, value) in AuditFacts.Cost(result, facts)) text.AppendLine($"- {name}: {value}");
        return text.ToString();
    }

    private static string Table(AuditTable table) => MarkdownTable.Of(new ReportTable("", table.Columns, table.Rows));

    private static void Figure(StringBuilder text, PlotImage figure, string directory)
    {
        text.AppendLine($"![{figure.Title}]({Relative(figure.PngPath, directory)})");
        text.AppendLine();
        text.AppendLine($"*{figure.Caption}*");
        text.AppendLine();
    }

    internal static string Relative(string path, string directory) => Path.GetRelativePath(directory, path).Replace('\\', '/');
}

/// <summary>The facts and legend both audit reports print.</summary>
internal static class AuditFacts
{
    public static IEnumerable<(string Name, string Value)> Of(AuditResult result, AuditRunFacts facts)
    {
        yield return ("Command", $"`{facts.Command}`");
        yield return ("Mode", result.Mode == "fixed-original"
            ? $"fixed-original (the NeurIPS-2023 challenge's setup): one Original (seed {result.Seed}), each method run with seeds {result.Seed}…{result.Seed + result.N - 1} on it; {result.N} retrained models on the same seeds"
            : $"population (U-LiRA's setup): {result.N} Originals on seeds {result.Seed}…{result.Seed + result.N - 1}, each unlearned once by every method with its own seed; {result.N} retrained models on the same seeds");
        yield return ("Forget set", $"{result.ForgetImages} images of {result.ForgetIdentities} people (the data of seed {result.Seed}: `{result.DataFingerprint}`)");
        yield return ("Wall time", $"{Minutes(facts.WallSeconds)} for this invocation ({facts.Made} cells made, {facts.Skipped} already done in the store)");
    }

    public static IEnumerable<(string Name, string Value)> Cost(AuditResult result, AuditRunFacts facts)
    {
        yield return ("Models", $"{result.Cost.Models} models in {result.Cost.ModelCells} cells (UNSIR's cell stores both stages)");
        yield return ("Model time", $"{Minutes(result.Cost.CellSeconds)} summed over cells (training or unlearning plus evaluation; cells ran side by side, so the wall time is shorter): "
            + string.Join(", ", result.Cost.SecondsByRole.Select(kv => $"{kv.Key} {Minutes(kv.Value)}")));
        yield return ("This invocation", $"{Minutes(facts.WallSeconds)} wall, {facts.Made} cells made, {facts.Skipped} reused");
        yield return ("Store", $"`{facts.Store}`");
    }

    public static string Legend(AuditResult result) =>
        $"F: the NeurIPS-2023 challenge's forgetting quality (ε buckets of 0.5 up to ⌈ln(N − 1)⌉), with a 95% bootstrap interval over images. "
        + (ForgettingQuality.Unresolved(result.N) is { } unresolved
            ? $"Here F, ε and the final score are \"–\": {unresolved}, and two pools of {result.N} models that cannot be told apart are "
                + $"told apart every time (ε = 50) on {NumberText.Percent(ForgettingQuality.ChanceCapShare(result.N))} of their examples by chance. "
            : $"With {result.N} models the buckets end at {ForgettingQuality.MaxEpsilon(result.N)}. F cannot reach 1 with few models: ε is the best "
                + "of thousands of threshold rules, which find chance splits, so two pools of "
                + $"{result.N} models that cannot be told apart score F ≈ {AuditTable.Number(result.Null.ChanceFull)} "
                + "(the \"chance\" row); read a method's F against that, not against 1. ")
        + "Final score: F × retain-accuracy ratio × test-accuracy ratio (unlearned over retrained). U-LiRA: leave-one-out likelihood-ratio attack "
        + "over the same models (0.5 = chance). KLoM95: 95th percentile over images of the KL divergence between the binned φ of unlearned and "
        + $"retrained models (0 = same), at most {KlomSaturation.CapText}; near that cap (above the most KLoM reaches while a bin holds φ of both "
        + "pools) the binned φ do not overlap, so when the null row itself is there no KLoM can be told from chance and every one is \"–\", "
        + "and a method there while the null row is not is noted. Per identity: the same scores on each person's mean φ. Pop. attack acc and NoMUS: the reference's "
        + "single-model population attack, mean ± 95% CI over the method's models. † the method does not depend on its seed. "
        + "A \"–\" is a score that does not exist here; the table under the scores says why.";

    /// <summary>What a figure of ε or F says below the N that supports them: " Nothing is drawn: …", else empty.</summary>
    public static string NothingDrawn(AuditResult result) => ForgettingQuality.Unresolved(result.N) is { } why ? $" Nothing is drawn: {why}." : "";

    public static string Minutes(double seconds) =>
        double.IsFinite(seconds) ? (seconds / 60).ToString("F1", CultureInfo.InvariantCulture) + " min" : "–";
}
