using Lethe.Data.Checks;

namespace Lethe.Tests.Data.Checks;

public class CheckProblemTests
{
    [Fact]
    public void Should_list_warnings_then_errors_in_file_and_line_order_with_line_numbers_as_numbers()
    {
        CheckProblem[] found =
        [
            new(CheckSeverity.Error, "train.csv:10: bad label 'x'"),
            new(CheckSeverity.Error, "train.csv:2: bad label 'y'"),
            new(CheckSeverity.Warning, "forget: 1499 rows, the release has 1500"),
            new(CheckSeverity.Error, "test.csv:3: image 'a.jpg' not found"),
            new(CheckSeverity.Error, "train.csv:9: bad label 'z'"),
        ];

        var ordered = CheckProblem.InReportOrder(found).Select(p => p.Message);

        Assert.Equal(
        [
            "forget: 1499 rows, the release has 1500",
            "test.csv:3: image 'a.jpg' not found",
            "train.csv:2: bad label 'y'",
            "train.csv:9: bad label 'z'",
            "train.csv:10: bad label 'x'",
        ], ordered);
    }
}
