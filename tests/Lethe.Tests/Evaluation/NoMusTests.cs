using Lethe.Evaluation;

namespace Lethe.Tests.Evaluation;

public class NoMusTests
{
    // Spec §11, columns Original | Retrained | Fine-tuning | CF-3 | Grad Asc | UNSIR Stage 1 | UNSIR Stage 2 | SCRUB |
    // Advanced Grad Asc; rows Test Acc, MIA (= F, not A) and Final Score (= NoMUS with λ = 0.5).
    private static readonly (string Table, double[] TestAcc, double[] Mia, double[] FinalScore)[] ReferenceTables =
    [
        ("MUFAC",
            [0.5951, 0.488, 0.6055, 0.5900, 0.4048, 0.5893, 0.5925, 0.5984, 0.5633],
            [0.2136, 0.0445, 0.2129, 0.2126, 0.0485, 0.2089, 0.1990, 0.1415, 0.0953],
            [0.5839, 0.6995, 0.5898, 0.5824, 0.6539, 0.5857, 0.5972, 0.6577, 0.6863]),
        ("MUCAC multi-label",
            [0.8852, 0.8135, 0.9147, 0.9197, 0.4193, 0.7087, 0.9220, 0.9073, 0.7607],
            [0.0568, 0.0436, 0.0708, 0.0685, 0.0356, 0.0324, 0.0705, 0.0478, 0.0152],
            [0.8858, 0.8631, 0.8865, 0.8913, 0.6740, 0.8219, 0.8905, 0.9058, 0.8651]),
        ("MUCAC Male",
            [0.9835, 0.9515, 0.9849, 0.9840, 0.1762, 0.9481, 0.9845, 0.1762, 0.9147],
            [0.0306, 0.0154, 0.0281, 0.0291, 0.1289, 0.0638, 0.0481, 0.1329, 0.0129],
            [0.9611, 0.9603, 0.9643, 0.9629, 0.4592, 0.9102, 0.9441, 0.4552, 0.9444]),
        ("MUCAC Smiling",
            [0.9467, 0.6518, 0.9476, 0.9472, 0.5549, 0.8619, 0.9506, 0.5549, 0.9423],
            [0.0346, 0.0182, 0.0279, 0.0294, 0.0366, 0.0416, 0.0271, 0.468, 0.0354],
            [0.9387, 0.8077, 0.9459, 0.9442, 0.7408, 0.8893, 0.9482, 0.3094, 0.9357]),
        ("MUCAC Young",
            [0.9089, 0.8271, 0.9147, 0.9118, 0.1733, 0.826, 0.9021, 0.8929, 0.5573],
            [0.0456, 0.0234, 0.0426, 0.0456, 0.0513, 0.0229, 0.0493, 0.0428, 0.0139],
            [0.9088, 0.8901, 0.9147, 0.9103, 0.5353, 0.8901, 0.9017, 0.9036, 0.7647]),
    ];

    [Fact]
    public void Should_reproduce_every_final_score_of_the_reference_tables()
    {
        // The tables truncate to 4 decimals: each true value lies in [shown, shown + 1e-4). With Acc = a + α and
        // F = f + φ (α, φ ∈ [0, 1e-4)) the true score is 0.5a + 0.5 − f + (0.5α − φ), and the shown score is the true one
        // minus up to 1e-4. So computed-from-shown minus shown lies in (−0.5e-4, 2e-4). The spec's tighter claim, within
        // 1e-4, holds for all 45 cells (the largest gap is 0.5e-4), so that is what is asserted; 1e-12 absorbs rounding.
        var failures = new List<string>();
        var cells = 0;
        foreach (var (table, testAcc, mia, finalScore) in ReferenceTables)
            for (var column = 0; column < 9; column++, cells++)
            {
                var score = NoMus.FromForgettingScore(testAcc[column], mia[column]);
                if (Math.Abs(score - finalScore[column]) > 1e-4 + 1e-12)
                    failures.Add($"{table} column {column}: computed {score:F6}, table {finalScore[column]}");
            }

        Assert.Equal(45, cells);
        Assert.Empty(failures);
    }

    [Fact]
    public void Should_fold_the_attack_accuracy_around_one_half()
    {
        // F = |A − 0.5| = 0.1 for A = 0.6 and for A = 0.4: 0.5·0.8 + 0.5·(1 − 0.2) = 0.8.
        Assert.Equal(0.8, NoMus.Score(0.8, 0.6), 1e-15);
        Assert.Equal(0.8, NoMus.Score(0.8, 0.4), 1e-15);
        Assert.Equal(1.0, NoMus.Score(1.0, 0.5), 1e-15);
        // λ = 1 keeps only accuracy, λ = 0 only forgetting.
        Assert.Equal(0.7, NoMus.Score(0.7, 1.0, lambda: 1), 1e-15);
        Assert.Equal(0.6, NoMus.FromForgettingScore(0.1, 0.2, lambda: 0), 1e-15);
    }

    [Fact]
    public void Should_refuse_values_out_of_range()
    {
        Assert.Contains("lambda", Assert.Throws<ArgumentException>(() => NoMus.Score(0.5, 0.5, lambda: 1.5)).Message);
        Assert.Throws<ArgumentException>(() => NoMus.Score(0.5, 0.5, lambda: double.NaN));
        Assert.Throws<ArgumentException>(() => NoMus.Score(1.2, 0.5));
        Assert.Throws<ArgumentException>(() => NoMus.FromForgettingScore(0.5, 0.6));
    }
}
