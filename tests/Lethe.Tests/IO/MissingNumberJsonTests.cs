using System.Text.Json;
using Lethe.IO;

namespace Lethe.Tests.IO;

public class MissingNumberJsonTests
{
    private sealed record Numbers(double Seconds, double Epsilon, double Accuracy, float[] Losses, double? Optional);

    [Fact]
    public void Should_write_a_missing_number_as_null_and_an_infinite_one_as_its_name()
    {
        var json = JsonSerializer.Serialize(new Numbers(double.NaN, double.PositiveInfinity, 0.4776, [1.5f, float.NaN], double.NaN),
            LetheJson.Options);
        var node = JsonDocument.Parse(json).RootElement; // the default reader: standard JSON only

        Assert.Equal(JsonValueKind.Null, node.GetProperty("Seconds").ValueKind);
        Assert.Equal("Infinity", node.GetProperty("Epsilon").GetString());
        Assert.Equal(0.4776, node.GetProperty("Accuracy").GetDouble());
        Assert.Equal(1.5, node.GetProperty("Losses")[0].GetDouble());
        Assert.Equal(JsonValueKind.Null, node.GetProperty("Losses")[1].ValueKind);
        Assert.Equal(JsonValueKind.Null, node.GetProperty("Optional").ValueKind);
    }

    [Fact]
    public void Should_read_back_what_it_wrote_and_the_NaN_strings_of_older_files()
    {
        var written = JsonSerializer.Serialize(new Numbers(double.NaN, double.NegativeInfinity, 0.25, [float.NaN], 2.0), LetheJson.Options);
        const string older = """{"Seconds":"NaN","Epsilon":"Infinity","Accuracy":0.5,"Losses":["NaN",0.75],"Optional":null}""";

        var back = JsonSerializer.Deserialize<Numbers>(written, LetheJson.Options)!;
        var old = JsonSerializer.Deserialize<Numbers>(older, LetheJson.Options)!;

        Assert.True(double.IsNaN(back.Seconds));
        Assert.Equal(double.NegativeInfinity, back.Epsilon);
        Assert.True(float.IsNaN(back.Losses[0]));
        Assert.Equal(2.0, back.Optional);
        Assert.True(double.IsNaN(old.Seconds));
        Assert.Equal(double.PositiveInfinity, old.Epsilon);
        Assert.Equal([float.NaN, 0.75f], old.Losses);
        Assert.Null(old.Optional);
    }

    [Fact]
    public void Should_name_a_string_that_is_not_a_number()
    {
        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<Numbers>("""{"Seconds":"soon","Epsilon":1,"Accuracy":1,"Losses":[],"Optional":null}""", LetheJson.Options));
        Assert.Contains("'soon' is not a number", error.Message);
    }
}
