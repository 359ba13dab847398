namespace Lethe.Unlearning;

/// <summary>
/// The Retrained control has no settings of its own: it trains with the run's Retrained recipe
/// (<see cref="UnlearningContext.RetrainedRecipe"/>), so that it differs from Retrained by its seed alone.
/// </summary>
public sealed record RetrainedControlHyperParameters;

/// <summary>
/// The negative control ("Retrained, other seed (control −)"): a network trained from scratch on the retain set with the
/// run's Retrained recipe and the base models' trainer, its initialisation and data order drawn on streams of its own
/// ("unlearn/retrained-other-seed/init", ".../train") from the unlearning seed, so it is never a model of the Retrained
/// pool (seeds s, s+1, ... on "init/retrained" and "train/retrained"). It never saw the forget set: no test should find
/// it, and how far its numbers sit from Retrained's is the noise floor of a comparison with Retrained.
/// </summary>
public sealed class RetrainedControl() : UnlearningMethod<RetrainedControlHyperParameters>("retrained-other-seed", "Retrained, other seed (control −)")
{
    protected override void Unlearn(UnlearningLoop loop, RetrainedControlHyperParameters hyper) =>
        loop.TrainAfresh(loop.Context.RetrainedRecipe ?? throw new InvalidOperationException(
            $"{Key}: the context holds no Retrained recipe (UnlearningContext.RetrainedRecipe); this control trains a second "
            + "Retrained with the run's recipe, so it runs where the recipe is known: a benchmark's or a plan's cells"));
}
