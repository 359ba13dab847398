using Lethe.Models;
using Lethe.Training;

namespace Lethe.Tests.Training;

public class TrainRecipeTests
{
    [Fact]
    public void Mufac_schedule_decays_tenfold_at_epochs_10_and_20()
    {
        var recipe = TrainRecipe.Mufac;
        Assert.Equal(0.01, recipe.LearningRateAt(0), 12);
        Assert.Equal(0.01, recipe.LearningRateAt(9), 12);
        Assert.Equal(0.001, recipe.LearningRateAt(10), 12);
        Assert.Equal(0.0001, recipe.LearningRateAt(29), 12);
    }

    [Fact]
    public void Spec_recipes_per_task_match_section_7()
    {
        var binary = BaseRecipes.For(new BinaryTask("Male"));
        Assert.Equal((0.01, 0.9, 10), (binary.Original.LearningRate, binary.Original.Momentum, binary.Original.Epochs));
        Assert.Equal((0.001, 0.0, 10), (binary.Retrained.LearningRate, binary.Retrained.Momentum, binary.Retrained.Epochs));
        var multi = BaseRecipes.For(MultiLabelTask.MaleSmilingYoung);
        Assert.Equal((8, 7), (multi.Original.Epochs, multi.Retrained.Epochs));
        Assert.Equal(0.0, multi.Original.Momentum);
        Assert.Empty(multi.Original.Milestones);
    }

    [Fact]
    public void Compressing_a_schedule_scales_its_milestones()
    {
        var quick = BaseRecipes.For(MultiClassTask.AgeGroups).WithEpochs(9);
        Assert.Equal([3, 6], quick.Original.Milestones);
        Assert.Equal(9, quick.Retrained.Epochs);
    }

    [Theory]
    [InlineData(0.0, 0.9, 30)]
    [InlineData(0.01, 1.0, 30)]
    [InlineData(0.01, 0.9, 0)]
    public void Invalid_recipes_are_rejected_with_the_recipe_named(double lr, double momentum, int epochs)
    {
        var recipe = TrainRecipe.Mufac with { LearningRate = lr, Momentum = momentum, Epochs = epochs, Milestones = [] };
        var error = Assert.Throws<ArgumentException>(recipe.Validate);
        Assert.Contains("mufac", error.Message);
    }
}
