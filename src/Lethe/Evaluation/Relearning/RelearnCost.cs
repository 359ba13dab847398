using System.Globalization;

namespace Lethe.Evaluation.Relearning;

/// <summary>
/// What relearning curves cost before they are made: each is <see cref="RelearnOptions.Steps"/> steps of
/// <see cref="RelearnOptions.BatchSize"/> training images, and a scoring of forget at each of its scoring points (a
/// forward pass, about a third of a training step's work per image), timed at a measured training speed.
/// </summary>
public static class RelearnCost
{
    /// <summary>Training images of one curve: steps × batch.</summary>
    public static long TrainingImages(RelearnOptions options) => (long)options.Steps * options.BatchSize;

    /// <summary>Seconds of one curve at <paramref name="trainImagesPerSecond"/>, scoring <paramref name="forgetImages"/>
    /// forget images at each scoring point.</summary>
    public static double Seconds(RelearnOptions options, int forgetImages, double trainImagesPerSecond) =>
        (TrainingImages(options) + options.ScoringSteps().Count * forgetImages / 3.0) / trainImagesPerSecond;

    /// <summary>"3 curves of 100 steps × 128 images = 38,400 training images, about 296 s at the calibrated 130 img/s".</summary>
    public static string Describe(int curves, RelearnOptions options, int forgetImages, double trainImagesPerSecond) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{curves} {(curves == 1 ? "curve" : "curves")} of {options.Steps} steps × {options.BatchSize} images = {curves * TrainingImages(options):N0} training images, "
            + $"about {curves * Seconds(options, forgetImages, trainImagesPerSecond):F0} s at the calibrated {trainImagesPerSecond:F0} img/s");
}
