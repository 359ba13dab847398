using Lethe.Data;
using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Unlearning;

/// <summary>Bad Teacher's distillation set (vikram2000b/bad-teaching-unlearning, UnLearningData): the whole forget set
/// and a random share of the retain set, each sample flagged with the set it came from.</summary>
internal static class BadTeacherMix
{
    /// <summary>The mix's targets: 1 for a forget sample, 0 for a retain sample (the reference's labels).</summary>
    public static MultiClassTask IsForget { get; } = new("is-forget", ["retain", "forget"]);

    /// <summary>Every forget image (target 1) and a random <paramref name="share"/> of the retain images (target 0),
    /// drawn once from the method's stream "retain-share"; owned by the loop. A share outside [0, 1] throws.</summary>
    public static ImageSet Of(UnlearningLoop loop, double share)
    {
        RequireShare(share);
        var (forget, retain) = (loop.Context.Forget, loop.Context.Retain);
        using var order = randperm(retain.Count, generator: loop.Generator("retain-share"));
        using var drawn = retain.Subset(order.data<long>().Take((int)(share * retain.Count)).Select(i => (int)i).ToArray());
        var samples = forget.Samples.Select(s => s with { Labels = [1] }).Concat(drawn.Samples.Select(s => s with { Labels = [0] }));
        return loop.Own(new ImageSet(samples.ToArray(), cat([forget.Pixels, drawn.Pixels])));
    }

    /// <summary>Throws for a retain share outside [0, 1], naming badteacher.retainShare.</summary>
    public static void RequireShare(double share)
    {
        if (share is < 0 or > 1) throw new ArgumentException($"badteacher.retainShare must be in [0, 1], got {share}");
    }
}
