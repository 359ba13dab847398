using Lethe.Audit;

namespace Lethe.Tests.Audit;

public class BenjaminiHochbergTests
{
    [Fact]
    public void Should_give_the_q_values_worked_by_hand()
    {
        // Sorted: 0.005, 0.01, 0.03, 0.04 (m = 4). m·p/rank: 0.02, 0.02, 0.04, 0.04; the running minimum from the top
        // changes nothing. Back in the order given: 0.01 → 0.02, 0.04 → 0.04, 0.03 → 0.04, 0.005 → 0.02.
        var q = BenjaminiHochberg.QValues([0.01, 0.04, 0.03, 0.005]);

        Assert.Equal([0.02, 0.04, 0.04, 0.02], q, (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Fact]
    public void Should_step_up_so_a_smaller_p_never_gets_a_larger_q()
    {
        // m·p/rank: 0.04, 0.04, 0.0333, 0.5. The third's 0.0333 caps the two below it: q = 0.0333 for the first three.
        var q = BenjaminiHochberg.QValues([0.02, 0.01, 0.025, 0.5]);

        Assert.Equal([0.1 / 3, 0.1 / 3, 0.1 / 3, 0.5], q, (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Fact]
    public void Should_cap_q_at_one_and_refuse_a_p_that_is_not_a_probability()
    {
        Assert.Equal([1.0, 1.0], BenjaminiHochberg.QValues([0.9, 1.0]));
        Assert.Empty(BenjaminiHochberg.QValues([]));
        Assert.Throws<ArgumentException>(() => BenjaminiHochberg.QValues([0.5, 1.5]));
        Assert.Throws<ArgumentException>(() => BenjaminiHochberg.QValues([double.NaN]));
    }
}
