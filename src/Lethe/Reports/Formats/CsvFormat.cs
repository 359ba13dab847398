using System.Text;
using Lethe.Reports.Plots;

namespace Lethe.Reports.Formats;

/// <summary>
/// CSV (RFC 4180): a run's table (results.csv) or the summary's long table (report.csv); for other kinds each table
/// in turn, its name on a line of its own, then its head and rows, a blank line between tables.
/// </summary>
public sealed class CsvFormat : IReportFormat
{
    public string Name => "csv";

    public string Extension => "csv";

    public bool ShowsFigures => false;

    public string Render(Report report, ReportFigures? figures, string folder) => report switch
    {
        RunReport run => new CsvReport().Render(run.Run),
        SummaryReport summary => new SummaryCsv().Render(summary.Summary),
        _ => Tables(report),
    };

    private static string Tables(Report report)
    {
        var text = new StringBuilder();
        foreach (var (table, i) in report.Tables.Select((t, i) => (t, i)))
        {
            if (i > 0) text.AppendLine();
            CsvText.AppendLine(text, [table.Name]);
            CsvText.AppendLine(text, table.Columns);
            foreach (var row in table.Rows) CsvText.AppendLine(text, row.Select(c => c == "–" ? "" : c));
        }
        return text.ToString();
    }
}
