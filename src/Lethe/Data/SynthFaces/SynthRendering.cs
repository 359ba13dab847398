namespace Lethe.Data;

/// <summary>
/// The plan's photos rendered to RGB CHW bytes, one array per set (train = forget photos, then retain photos).
/// Every photo is rendered by whichever thread gets it, into its own slice, so the bytes are the same for any schedule.
/// </summary>
internal sealed class SynthRendering
{
    private SynthRendering(SynthFacesOptions options, SynthPlan plan, byte[] train, byte[] test, byte[] unseen)
    {
        Options = options;
        Plan = plan;
        Train = [.. plan.Forget, .. plan.Retain];
        TrainPixels = train;
        TestPixels = test;
        UnseenPixels = unseen;
    }

    public SynthFacesOptions Options { get; }
    public SynthPlan Plan { get; }
    /// <summary>Forget photos, then retain photos.</summary>
    public IReadOnlyList<SynthImage> Train { get; }
    public byte[] TrainPixels { get; }
    public byte[] TestPixels { get; }
    public byte[] UnseenPixels { get; }

    public static SynthRendering Render(SynthFacesOptions options)
    {
        options.Validate();
        var plan = SynthPlan.Create(options);
        var sets = new[] { (IReadOnlyList<SynthImage>)[.. plan.Forget, .. plan.Retain], plan.Test, plan.Unseen };
        int imageBytes = 3 * options.ImageSize * options.ImageSize;
        var pixels = sets.Select(s => new byte[(long)s.Count * imageBytes]).ToArray();
        var jobs = sets.SelectMany((s, set) => Enumerable.Range(0, s.Count).Select(i => (set, i))).ToArray();
        Parallel.For(0, jobs.Length, () => new FaceRenderer(options), (j, _, renderer) =>
        {
            var (set, i) = jobs[j];
            renderer.Render(sets[set][i], pixels[set].AsSpan(i * imageBytes, imageBytes));
            return renderer;
        }, renderer => renderer.Dispose());
        return new SynthRendering(options, plan, pixels[0], pixels[1], pixels[2]);
    }
}
