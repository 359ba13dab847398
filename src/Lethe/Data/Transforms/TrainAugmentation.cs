namespace Lethe.Data.Transforms;

/// <summary>
/// The random ranges of the training transform. Defaults are those of the reference's <c>train_transform</c>
/// (torchvision's <c>RandomHorizontalFlip()</c>, <c>RandomAffine(0, shear=10, scale=(0.8, 1.2))</c>,
/// <c>ColorJitter(0.2, 0.2, 0.2)</c>): flip with p 0.5, scale U(0.8, 1.2), horizontal shear U(−10°, 10°), brightness,
/// contrast and saturation factors U(0.8, 1.2).
/// </summary>
/// <param name="FlipProbability">Chance of a horizontal flip.</param>
/// <param name="MinScale">Lower bound of the affine scale s.</param>
/// <param name="MaxScale">Upper bound of the affine scale s.</param>
/// <param name="MaxShearDegrees">The shear angle φ is drawn from U(−MaxShearDegrees, MaxShearDegrees).</param>
/// <param name="Brightness">The brightness factor is drawn from U(1 − Brightness, 1 + Brightness).</param>
/// <param name="Contrast">The contrast factor is drawn from U(1 − Contrast, 1 + Contrast).</param>
/// <param name="Saturation">The saturation factor is drawn from U(1 − Saturation, 1 + Saturation).</param>
public sealed record TrainAugmentation(
    double FlipProbability = 0.5,
    double MinScale = 0.8,
    double MaxScale = 1.2,
    double MaxShearDegrees = 10,
    double Brightness = 0.2,
    double Contrast = 0.2,
    double Saturation = 0.2)
{
    /// <summary>The reference's augmentation.</summary>
    public static TrainAugmentation Default { get; } = new();

    /// <summary>No augmentation at all: the training transform then equals the evaluation transform.</summary>
    public static TrainAugmentation None { get; } = new(0, 1, 1, 0, 0, 0, 0);

    internal bool Flips => FlipProbability > 0;

    internal bool Warps => MinScale != 1 || MaxScale != 1 || MaxShearDegrees != 0;

    internal bool Jitters => Brightness != 0 || Contrast != 0 || Saturation != 0;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        if (FlipProbability is < 0 or > 1 || double.IsNaN(FlipProbability))
            throw new ArgumentException($"FlipProbability must be in [0, 1], got {FlipProbability}");
        if (!(MinScale > 0) || !(MaxScale >= MinScale))
            throw new ArgumentException($"scale range must satisfy 0 < MinScale <= MaxScale, got [{MinScale}, {MaxScale}]");
        if (MaxShearDegrees is < 0 or >= 90 || double.IsNaN(MaxShearDegrees))
            throw new ArgumentException($"MaxShearDegrees must be in [0, 90), got {MaxShearDegrees}");
        foreach (var (name, value) in new[] { ("Brightness", Brightness), ("Contrast", Contrast), ("Saturation", Saturation) })
            if (value is < 0 or > 1 || double.IsNaN(value))
                throw new ArgumentException($"{name} must be in [0, 1], got {value}");
    }
}
