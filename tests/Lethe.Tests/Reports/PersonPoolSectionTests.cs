using Lethe.Audit;
using Lethe.Evaluation;
using Lethe.Reports;

namespace Lethe.Tests.Reports;

/// <summary>The per-person section of `lethe evaluate --pool` on φ made by hand: no model, no data.</summary>
public class PersonPoolSectionTests
{
    /// <summary>φ rows of one set: a row per (person, photo), φ = <paramref name="phi"/>(image index).</summary>
    private static IEnumerable<PhiRow> Rows(string set, IReadOnlyList<(string Person, int Photos)> people, Func<int, double> phi) =>
        people.SelectMany(p => Enumerable.Repeat(p.Person, p.Photos)).Select((person, i) => new PhiRow(set, i, person, 0, 0, phi(i)));

    private static NamedPhi Model(string name, Func<int, double> forget, Func<int, double> unseen)
    {
        (string, int)[] forgetPeople = [("alone", 1), ("many", 4)];
        (string, int)[] unseenPeople = [("u1", 3), ("u2", 3), ("u3", 3), ("u4", 3)];
        return new NamedPhi(name, [.. Rows(PhiSets.Forget, forgetPeople, forget), .. Rows(PhiSets.Unseen, unseenPeople, unseen)]);
    }

    private static PersonPoolTest Test(Func<int, double>? modelPhi = null)
    {
        var pool = Enumerable.Range(0, 8).Select(k => Model($"pool{k}", i => Math.Sin(i + 3 * k), i => Math.Cos(i * 2 + k))).ToArray();
        return PersonPoolTest.Of(PersonPoolTest.FilesSource, pool, Model("model", modelPhi ?? (i => 0.1 * i), i => 0.05 * i), 0, 0);
    }

    [Fact]
    public void Should_run_for_a_person_with_one_photo_and_say_what_that_test_can_do()
    {
        var table = PersonPoolSection.Table(Test())!;

        var alone = table.Rows.Single(r => r[0] == "alone");
        Assert.Equal("1", alone[1]);
        Assert.Equal(PersonPoolSection.SinglePhotoNote, alone[6]);
        Assert.Equal("", table.Rows.Single(r => r[0] == "many")[6]);
        Assert.Contains("Forget people exposed: 0 of 2 (0%); 1 with one photo", PersonPoolSection.Lines(Test()));
    }

    [Fact]
    public void Should_say_the_gaussian_score_from_eight_models_and_the_rule()
    {
        var lines = PersonPoolSection.Lines(Test());

        Assert.StartsWith("Image score: Gaussian z against the 8 pool models (pool sd floored at ", lines[1]);
        Assert.Equal("Rule: exposed at q ≤ 0.05 (Benjamini–Hochberg across the forget people)", lines[2]);
        Assert.StartsWith("Unseen control: ", lines[4]);
    }

    [Fact]
    public void Should_show_no_table_and_say_why_when_the_model_has_no_finite_phi()
    {
        var test = Test(_ => double.NaN);

        Assert.Null(PersonPoolSection.Table(test));
        Assert.StartsWith("Per-person test: – (forget φ of the model tested on image 0 is NaN", PersonPoolSection.Lines(test)[1]);
        Assert.DoesNotContain("| person |", PersonPoolSection.Markdown(test));
    }
}
