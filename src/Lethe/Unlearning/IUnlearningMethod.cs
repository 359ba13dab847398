namespace Lethe.Unlearning;

/// <summary>
/// An unlearning method: a stable key, the report labels of the models it produces, its hyper-parameter record with its
/// published defaults per variant (the reference notebooks' or the method's paper's), and one run that turns a copy of
/// the Original into unlearned models.
/// </summary>
public interface IUnlearningMethod
{
    /// <summary>The stable configuration key ("finetune", "cf", "neggrad", "advneggrad", "unsir", "scrub", ...).</summary>
    string Key { get; }

    /// <summary>False for a method that draws nothing at random (SSD): its result is the same for every unlearning seed,
    /// and its results say so in their note.</summary>
    bool DependsOnSeed { get; }

    /// <summary>The report labels of the models a run with default hyper-parameters produces, in order.</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>The report labels a run with these hyper-parameters produces ("CF-2" when k = 2).</summary>
    IReadOnlyList<string> LabelsFor(object hyperParameters);

    /// <summary>The method's hyper-parameter record with the published defaults for <paramref name="variant"/> (a new
    /// instance).</summary>
    object Defaults(UnlearningVariant variant);

    /// <summary>
    /// Throws <see cref="ArgumentException"/>, naming the parameter, for a record of the wrong type or a value the run
    /// would refuse: the check <see cref="Run"/> makes first, callable before any data is built or model trained.
    /// </summary>
    void Validate(object hyperParameters);

    /// <summary>
    /// Runs the method. Never modifies <see cref="UnlearningContext.Original"/>. Divergence is recorded in the result,
    /// not thrown. Throws <see cref="ArgumentException"/> for a record of the wrong type or an invalid value, and
    /// <see cref="OperationCanceledException"/> when the context's token is cancelled.
    /// </summary>
    IReadOnlyList<UnlearnedModel> Run(UnlearningContext context, object hyperParameters);
}
