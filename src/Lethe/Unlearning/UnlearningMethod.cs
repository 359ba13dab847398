namespace Lethe.Unlearning;

/// <summary>
/// The typed base of every method. It checks the hyper-parameter record's type once, so a method body only sees its
/// own record, and it runs the body inside an <see cref="UnlearningLoop"/>, which labels the emitted models with
/// <see cref="LabelsFor"/>: a method declares its key and labels in its constructor call and nowhere else.
/// </summary>
/// <typeparam name="THyper">The method's hyper-parameter record.</typeparam>
/// <param name="key">The stable configuration key (<see cref="IUnlearningMethod.Key"/>).</param>
/// <param name="labels">The report labels of the models a run emits, in order; a method whose labels depend on its
/// hyper-parameters (CF-k) gives none and overrides <see cref="LabelsFor"/>.</param>
public abstract class UnlearningMethod<THyper>(string key, params string[] labels) : IUnlearningMethod
    where THyper : class, new()
{
    public string Key => key;

    public IReadOnlyList<string> Labels => LabelsFor(Defaults(UnlearningVariant.MultiClass));

    public virtual bool DependsOnSeed => true;

    /// <summary>The labels a run with <paramref name="hyperParameters"/> emits. Default: the constructor's labels.</summary>
    public virtual IReadOnlyList<string> LabelsFor(THyper hyperParameters) => labels;

    /// <summary>The defaults for <paramref name="variant"/> (a new record). Default: the record's own defaults, the
    /// same for every variant.</summary>
    public virtual THyper Defaults(UnlearningVariant variant) => new();

    /// <summary>Runs the method with its defaults for the context's variant.</summary>
    public IReadOnlyList<UnlearnedModel> Run(UnlearningContext context) => Run(context, Defaults(context.Variant));

    public IReadOnlyList<UnlearnedModel> Run(UnlearningContext context, THyper hyperParameters)
    {
        Validate(hyperParameters);
        using var loop = new UnlearningLoop(context, Key, LabelsFor(hyperParameters));
        Unlearn(loop, hyperParameters);
        var results = loop.Finish();
        return DependsOnSeed ? results : results.Select(r => r with { Note = r.Note is null ? SeedIndependent : $"{r.Note}; {SeedIndependent}" }).ToArray();
    }

    /// <summary>
    /// Throws, naming the parameter, for a value the run would refuse. A plan calls it before any data is built or
    /// model trained, so a bad override costs a second, not the base models; <see cref="Run(UnlearningContext, THyper)"/> calls it first too.
    /// </summary>
    public void Validate(THyper hyperParameters)
    {
        OptimiserFor(hyperParameters)?.Validate(Key);
        Check(hyperParameters);
    }

    /// <summary>The optimiser a run trains with, so <see cref="Validate"/> checks the very one the run builds; null
    /// for a method that takes no gradient step (SSD).</summary>
    protected virtual Optimiser? OptimiserFor(THyper hyper) => null;

    /// <summary>The method's own value checks beyond its optimiser's; each calls the check its run makes.</summary>
    protected virtual void Check(THyper hyper)
    {
    }

    /// <summary>The algorithm: what the method does to <see cref="UnlearningLoop.Model"/>; the loop does the rest.
    /// A method with several labels calls <see cref="UnlearningLoop.Emit"/> once per label but the last.</summary>
    protected abstract void Unlearn(UnlearningLoop loop, THyper hyper);

    IReadOnlyList<string> IUnlearningMethod.LabelsFor(object hyperParameters) => LabelsFor(Cast(hyperParameters));

    object IUnlearningMethod.Defaults(UnlearningVariant variant) => Defaults(variant);

    void IUnlearningMethod.Validate(object hyperParameters) => Validate(Cast(hyperParameters));

    IReadOnlyList<UnlearnedModel> IUnlearningMethod.Run(UnlearningContext context, object hyperParameters) =>
        Run(context, Cast(hyperParameters));

    private const string SeedIndependent = "the same for every seed: the method draws nothing at random";

    private THyper Cast(object hyperParameters) => hyperParameters as THyper ?? throw new ArgumentException(
        $"method '{Key}' takes {typeof(THyper).Name}, not {hyperParameters?.GetType().Name ?? "null"}",
        nameof(hyperParameters));
}
