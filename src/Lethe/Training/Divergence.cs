namespace Lethe.Training;

/// <summary>
/// Why training stopped early: the loss or the weights left the finite numbers. Lethe records a divergence and returns
/// the model as it stands (see <see cref="OptimiserSteps"/>); it never throws for one.
/// </summary>
/// <param name="Step">The 1-based step at which it was detected.</param>
/// <param name="Note">What happened, for the report ("loss became NaN at step 12 (epoch 1/2 retain); ...").</param>
public sealed record Divergence(int Step, string Note);
