using System.Text.Json;
using Lethe.Reports;

namespace Lethe.Tests.Reports;

public class SummaryJsonTests
{
    [Fact]
    public void Should_keep_every_per_seed_value_keyed_by_seed()
    {
        var json = JsonDocument.Parse(new SummaryJson().Render(SeedSummary.From(HandMadeRun.Records())));

        var testAcc = json.RootElement.GetProperty("Rows")[0];
        var original = testAcc.GetProperty("Cells")[0];
        Assert.Equal("Test Acc", testAcc.GetProperty("Metric").GetString());
        Assert.Equal("Original", original.GetProperty("Model").GetString());
        Assert.Equal(0.2, original.GetProperty("PerSeed").GetProperty("1").GetDouble());
        Assert.Equal(0.6, original.GetProperty("PerSeed").GetProperty("42").GetDouble());
        Assert.Equal(0.49687, original.GetProperty("HalfWidth95").GetDouble(), 5);
        Assert.Equal(3, json.RootElement.GetProperty("Runs").GetArrayLength());
    }
}
