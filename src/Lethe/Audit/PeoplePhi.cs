namespace Lethe.Audit;

/// <summary>One set of people's φ (forget, or unseen), image by image: the reference pool's and the tested model's.</summary>
/// <param name="Pool">φ of the K pool models, none of which trained on these people: K × images.</param>
/// <param name="Model">φ of the model tested, one per image, in the order of <paramref name="Pool"/>'s columns.</param>
/// <param name="IdentityOfImage">The person in each image, in the same order; a person's images need not be adjacent.</param>
public sealed record PeoplePhi(double[,] Pool, IReadOnlyList<double> Model, IReadOnlyList<string> IdentityOfImage)
{
    /// <summary>How many images (columns).</summary>
    public int Images => Model.Count;

    /// <exception cref="ArgumentException">Counts that disagree, no image, or a φ that is not finite; named by set.</exception>
    internal void Validate(string set)
    {
        if (Images == 0) throw new ArgumentException($"The {set} set has no image.", set);
        if (Pool.GetLength(1) != Images || IdentityOfImage.Count != Images)
            throw new ArgumentException(
                $"The {set} set has {Images} model φ, {Pool.GetLength(1)} pool columns and {IdentityOfImage.Count} identities; they must agree.", set);
        PhiMatrix.RequireFinite(Pool, $"{set} pool");
        for (var i = 0; i < Images; i++)
            if (!double.IsFinite(Model[i]))
                throw new ArgumentException($"{set} φ of the model tested on image {i} is {Model[i]}; the test needs finite φ.", set);
    }
}
