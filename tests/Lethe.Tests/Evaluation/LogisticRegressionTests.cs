using Lethe.Evaluation;

namespace Lethe.Tests.Evaluation;

public class LogisticRegressionTests
{
    [Fact]
    public void Should_fit_the_hand_derived_optimum_of_two_mirrored_points()
    {
        // Rows x = −1 (y = 0) and x = +1 (y = 1), C = 1. With z = w·x + b:
        //   f(w, b) = ½w² + log(1 + e^(b − w)) + log(1 + e^(−w − b)).
        //   ∂f/∂b = σ(b − w) − σ(−w − b), which is 0 at b = 0 (the data are mirror images), so the intercept is 0.
        //   ∂f/∂w = w − σ(b − w) − σ(−w − b) = w − 2σ(−w) at b = 0, so w solves w = 2 / (1 + e^w).
        //   The left side rises and the right side falls, so the root is unique; bisection on [0, 2] to 1e-16 gives
        //   w = 0.6748316143423994.
        var model = LogisticRegression.Fit([-1.0, 1.0], [0, 1]);

        Assert.True(model.Converged);
        Assert.Equal(0.0, model.Intercept, 1e-12);
        Assert.Equal(0.6748316143423994, model.Coefficients[0], 1e-12);
        Assert.Equal(0.0, model.Coefficients[0] - 2 / (1 + Math.Exp(model.Coefficients[0])), 1e-12);
    }

    [Fact]
    public void Should_scale_the_loss_term_by_C()
    {
        // Same mirrored points with C = 10: the stationarity condition becomes w = 2C / (1 + e^w); bisection gives
        // w = 2.1280345184662273. A weaker penalty (larger C) must give the larger weight.
        var model = LogisticRegression.Fit([-1.0, 1.0], [0, 1], new LogisticRegressionOptions(C: 10));

        Assert.Equal(0.0, model.Intercept, 1e-12);
        Assert.Equal(2.1280345184662273, model.Coefficients[0], 1e-12);
    }

    [Fact]
    public void Should_leave_the_intercept_unpenalised()
    {
        // A constant zero feature carries no information: ∂f/∂w = w + C·Σ(pᵢ − yᵢ)·0 = w, so w = 0. Then
        // ∂f/∂b = C·Σ(pᵢ − yᵢ) = 4σ(b) − 3 = 0 gives σ(b) = 3/4 and b = ln 3 exactly: an unpenalised intercept reaches
        // the class log-odds, a penalised one would be pulled towards 0.
        var model = LogisticRegression.Fit([0.0, 0.0, 0.0, 0.0], [1, 1, 1, 0]);

        Assert.Equal(0.0, model.Coefficients[0], 1e-12);
        Assert.Equal(Math.Log(3), model.Intercept, 1e-12);
        Assert.Equal(0.75, model.PredictProbability(0.0), 1e-12);
    }

    [Fact]
    public void Should_meet_the_optimality_conditions_with_several_features()
    {
        var random = new Random(7);
        var rows = Enumerable.Range(0, 200).Select(_ => new[] { random.NextDouble(), random.NextDouble() * 3 - 1, random.NextDouble() }).ToArray();
        var labels = rows.Select(r => r[0] + 0.5 * r[1] - r[2] + 0.3 * (random.NextDouble() - 0.5) > 0.2 ? 1 : 0).ToArray();
        const double c = 2.0;

        var model = LogisticRegression.Fit(rows, labels, new LogisticRegressionOptions(C: c));

        // The gradient of ½‖w‖² + C·Σ log-loss vanishes: wⱼ + C·Σ(pᵢ − yᵢ)·xᵢⱼ = 0 and C·Σ(pᵢ − yᵢ) = 0.
        var residuals = rows.Select((r, i) => model.PredictProbability(r) - labels[i]).ToArray();
        Assert.Equal(0.0, c * residuals.Sum(), 1e-9);
        for (var j = 0; j < 3; j++)
            Assert.Equal(0.0, model.Coefficients[j] + c * rows.Select((r, i) => residuals[i] * r[j]).Sum(), 1e-9);
    }

    [Fact]
    public void Should_converge_on_separable_data_because_the_weights_are_penalised()
    {
        var model = LogisticRegression.Fit([-2.0, -1.0, 1.0, 2.0], [0, 0, 1, 1]);

        Assert.True(model.Converged);
        Assert.Equal(0.0, model.Intercept, 1e-12);
        Assert.InRange(model.Coefficients[0], 0.5, 5);
        Assert.Equal([0, 0, 1, 1], new[] { -2.0, -1.0, 1.0, 2.0 }.Select(model.Predict));
    }

    [Fact]
    public void Should_report_non_convergence_when_the_iteration_cap_is_hit()
    {
        var model = LogisticRegression.Fit([-3.0, -1.0, 0.5, 1.0, 4.0], [0, 1, 0, 1, 1], new LogisticRegressionOptions(MaxIterations: 1));

        Assert.False(model.Converged);
        Assert.Equal(1, model.Iterations);
    }

    [Fact]
    public void Should_predict_class_0_exactly_on_the_boundary_like_scikit_learn()
    {
        var model = new LogisticRegressionModel([2.0], -1.0, 1, true);

        Assert.Equal(0, model.Predict(0.5));
        Assert.Equal(1, model.Predict(0.5000001));
        Assert.Equal(0.5, model.PredictProbability(0.5));
    }

    [Fact]
    public void Should_name_the_row_of_a_non_finite_feature()
    {
        var error = Assert.Throws<ArgumentException>(() => LogisticRegression.Fit([0.1, 0.2, 0.3, double.NaN], [0, 1, 0, 1]));

        Assert.Contains("row 3", error.Message);
        Assert.Contains("NaN", error.Message);
    }

    [Fact]
    public void Should_refuse_a_single_class_and_labels_other_than_0_and_1()
    {
        Assert.Contains("both classes", Assert.Throws<ArgumentException>(() => LogisticRegression.Fit([0.1, 0.2], [1, 1])).Message);
        Assert.Contains("row 1", Assert.Throws<ArgumentException>(() => LogisticRegression.Fit([0.1, 0.2], [0, 2])).Message);
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit([0.1, 0.2], [0, 1], new LogisticRegressionOptions(C: 0)));
    }
}
