using Lethe.Models;

namespace Lethe.Training;

/// <summary>The Original and Retrained recipes of the reference's Base_Models notebooks for a task: MUFAC's for
/// multi-class, MUCAC's otherwise.</summary>
public sealed record BaseRecipes(TrainRecipe Original, TrainRecipe Retrained)
{
    public static BaseRecipes For(PredictionTask task) => task switch
    {
        MultiLabelTask => new(TrainRecipe.MultiLabelOriginal, TrainRecipe.MultiLabelRetrained),
        BinaryTask => new(TrainRecipe.BinaryOriginal, TrainRecipe.BinaryRetrained),
        _ => new(TrainRecipe.Mufac with { Name = "mufac/original" }, TrainRecipe.Mufac with { Name = "mufac/retrained" }),
    };

    /// <summary>The same schedule compressed to <paramref name="epochs"/> (milestones scaled), for quick presets.</summary>
    public BaseRecipes WithEpochs(int epochs) => new(Scale(Original, epochs), Scale(Retrained, epochs));

    private static TrainRecipe Scale(TrainRecipe recipe, int epochs) => recipe with
    {
        Epochs = epochs,
        Milestones = recipe.Milestones
            .Select(m => (int)Math.Round(m * (double)epochs / recipe.Epochs))
            .Where(m => m >= 1 && m < epochs)
            .Distinct()
            .ToArray(),
    };
}
