using static TorchSharp.torch;

namespace Lethe.Unlearning;

/// <summary>
/// The typed base of every method: it checks the hyper-parameter record's type once, so a method body only sees its
/// own record, and it builds the results with the method's clock and step counts.
/// </summary>
/// <typeparam name="THyper">The method's hyper-parameter record.</typeparam>
public abstract class UnlearningMethod<THyper> : IUnlearningMethod where THyper : class
{
    public abstract string Key { get; }

    public IReadOnlyList<string> Labels => LabelsFor(Defaults(UnlearningVariant.MultiClass));

    public abstract IReadOnlyList<string> LabelsFor(THyper hyperParameters);

    public abstract THyper Defaults(UnlearningVariant variant);

    /// <summary>Runs the method with its defaults for the context's variant.</summary>
    public IReadOnlyList<UnlearnedModel> Run(UnlearningContext context) => Run(context, Defaults(context.Variant));

    public abstract IReadOnlyList<UnlearnedModel> Run(UnlearningContext context, THyper hyperParameters);

    IReadOnlyList<string> IUnlearningMethod.LabelsFor(object hyperParameters) => LabelsFor(Cast(hyperParameters));

    object IUnlearningMethod.Defaults(UnlearningVariant variant) => Defaults(variant);

    IReadOnlyList<UnlearnedModel> IUnlearningMethod.Run(UnlearningContext context, object hyperParameters) =>
        Run(context, Cast(hyperParameters));

    /// <summary>The name of one of this method's random streams, derived from the context seed.</summary>
    private protected string Stream(string name) => $"unlearn/{Key}/{name}";

    private protected UnlearnedModel Result(string label, nn.Module<Tensor, Tensor> model, UnlearningContext context,
        long startTimestamp, TrainingSteps steps, string? note = null) =>
        new(label, model, context.Time.GetElapsedTime(startTimestamp), steps.Steps, steps.Diverged, steps.DivergedAtStep,
            steps.Note ?? note);

    private THyper Cast(object hyperParameters) => hyperParameters as THyper ?? throw new ArgumentException(
        $"method '{Key}' takes {typeof(THyper).Name}, not {hyperParameters?.GetType().Name ?? "null"}",
        nameof(hyperParameters));
}
