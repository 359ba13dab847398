using Lethe.Experiments;
using Lethe.Numerics;
using Lethe.Reports.Plots;

namespace Lethe.Reports.People;

/// <summary>
/// A benchmark run's per-person page (`lethe benchmark --pool K`): for every forget person, and every unseen person as
/// the control, each model's effect (pool standard deviations above the pool) and q-value side by side, with a figure of
/// the same. people.md, people.csv and people.html beside results.*.
/// </summary>
public sealed record PeopleReport(RunRecord Run) : Report
{
    public override string Stem => "people";

    public override string Title => "Per-person test: " + MarkdownReport.Title(Run.Data);

    public override IReadOnlyList<RunFact> Facts =>
        RunFacts.Of(Run).Where(f => f.Name is "Command" or "Data" or RunFacts.PeopleFactName).ToArray();

    public override IReadOnlyList<string> Warnings => [];

    public override IReadOnlyList<string> Notes =>
    [
        "Each cell: the effect (how many pool standard deviations the model's φ on the person's photos sits above the pool's, "
            + "averaged over the photos), then the q-value; \"exposed\" when q ≤ 0.05. The effect is before the model's own "
            + "shift is taken out; the verdict is after it (a model more confident on every face than the pool exposes nobody "
            + "for that). \"not shown exposed\" is no proof of forgetting: the test may lack the power (few photos, a small pool).",
        .. Tested.Where(m => m.People!.Missing is not null).Select(m => $"{m.Label}: no per-person test ({m.People!.Missing})"),
    ];

    public override IReadOnlyList<ReportTable> Tables => [Table("Forget people", m => m.Forget), Table("Unseen people (control)", m => m.Unseen)];

    public override ReportFigures? DrawFigures(string folder)
    {
        var plots = Path.Combine(folder, PlotSet.Folder);
        Directory.CreateDirectory(plots);
        return new PeopleFigures(PeoplePlot.Draw(Tested, plots));
    }

    /// <summary>The models that carry a test, in the run's column order.</summary>
    private IReadOnlyList<ModelResult> Tested => Run.Models.Where(m => m.People is not null).ToArray();

    /// <summary>A row per person (the most exposed first: by how many models expose them, then by their largest effect), a column per model.</summary>
    private ReportTable Table(string name, Func<PeopleExposure, IReadOnlyList<PersonFinding>> set)
    {
        var models = Tested;
        var byPerson = models.SelectMany((m, column) => set(m.People!).Select(f => (Column: column, Finding: f)))
            .GroupBy(x => x.Finding.Identity)
            .OrderByDescending(g => g.Count(x => x.Finding.Exposed)).ThenByDescending(g => g.Max(x => x.Finding.Effect)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
        var rows = byPerson.Select(person =>
        {
            var cells = new string[models.Count + 2];
            cells[0] = person.Key;
            cells[1] = $"{person.First().Finding.Photos}";
            for (int i = 0; i < models.Count; i++) cells[i + 2] = "–";
            foreach (var (column, f) in person)
                cells[column + 2] = $"{NumberText.Of(f.Effect, "+0.00;−0.00")} (q {NumberText.Of(f.Q, "G2")})" + (f.Exposed ? " exposed" : "");
            return (IReadOnlyList<string>)cells;
        }).ToArray();
        return new ReportTable(name, ["person", "photos", .. models.Select(m => m.Label)], rows);
    }
}

/// <summary>The per-person page's one figure.</summary>
public sealed record PeopleFigures(PlotImage Effects) : ReportFigures
{
    public override IEnumerable<PlotImage> All => [Effects];
}
