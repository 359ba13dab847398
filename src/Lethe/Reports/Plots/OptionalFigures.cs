namespace Lethe.Reports.Plots;

/// <summary>Figures a run may not have the data for (the relearning curves of a run made with --no-relearn): the images,
/// or the one line a report prints in their place.</summary>
/// <param name="Images">The figures drawn; empty when none could be.</param>
/// <param name="NotDrawn">Why none was drawn ("No relearning figure: skipped (--no-relearn)."); null when drawn.</param>
public sealed record OptionalFigures(IReadOnlyList<PlotImage> Images, string? NotDrawn)
{
    public static OptionalFigures Drawn(params PlotImage[] images) => new(images, null);

    public static OptionalFigures None(string why) => new([], why);
}
