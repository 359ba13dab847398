using Lethe.Unlearning;
using static Lethe.Tests.Unlearning.UnlearningFixtures;

namespace Lethe.Tests.Unlearning;

[Collection("Unlearning")]
public class RandomLabelsTests
{
    [Fact]
    public void Should_move_the_forget_images_to_wrong_labels_while_retain_keeps_its_own()
    {
        // Forget: every red image (class 0); retain: the other three colours with their classes.
        using var all = ColouredSet(64, seed: 1);
        using var forget = all.Subset(Enumerable.Range(0, 64).Where(i => i % 4 == 0).ToArray());
        using var retain = all.Subset(Enumerable.Range(0, 64).Where(i => i % 4 != 0).ToArray());
        using var original = NewModel(FourClasses);

        var result = Assert.Single(new RandomLabels().Run(Context(original, FourClasses, forget, retain),
            new RandomLabelsHyperParameters { Epochs = 2 }));

        using var model = result.Model;
        Assert.Equal(("Random Labels", 2 * (1 + 3)), (result.Label, result.Steps)); // per epoch 16 forget, then 48 retain
        // Losses against the true labels, with batch statistics: the forget images are now confidently given wrong classes
        // (far worse than guessing, ln 4), while the retain images keep theirs.
        var (forgetLoss, retainLoss) = (Loss(model, FourClasses, forget), Loss(model, FourClasses, retain));
        Assert.True(forgetLoss > 2 * Math.Log(4), $"forget loss {Loss(original, FourClasses, forget)} -> {forgetLoss}");
        Assert.True(retainLoss < 0.1, $"retain loss {Loss(original, FourClasses, retain)} -> {retainLoss}");
    }
}
