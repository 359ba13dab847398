namespace Lethe.Audit;

/// <summary>The forgetting scores of one set of images, per image and per identity.</summary>
/// <param name="PerImage">Each image scored on its own φ.</param>
/// <param name="PerIdentity">Each identity scored on its models' mean φ over its images.</param>
/// <param name="Groups">Which images make up each identity.</param>
public sealed record AuditScores(ForgettingScores PerImage, ForgettingScores PerIdentity, IdentityGroups Groups)
{
    /// <summary>Scores the images, then the identities they belong to.</summary>
    /// <param name="unlearned">φ, N models × E images, of the unlearned models.</param>
    /// <param name="retrained">φ, N models × E images, of the retrained models (the same N; the scores too few models
    /// support are null, see <see cref="ForgettingScores"/>).</param>
    /// <param name="imageNames">A name (id or file) for each image.</param>
    /// <param name="identityOfImage">The identity of each image.</param>
    /// <param name="options">U-LiRA settings; the defaults when null.</param>
    /// <param name="auditModels">Models per pool of the audit (see <see cref="ForgettingScores.Of"/>); N when null.</param>
    /// <exception cref="ArgumentException">Bad matrices (see <see cref="ForgettingScores.Of"/>), or name lists of another length.</exception>
    public static AuditScores Of(
        double[,] unlearned, double[,] retrained,
        IReadOnlyList<string> imageNames, IReadOnlyList<string> identityOfImage,
        ULiraOptions? options = null, int? auditModels = null)
    {
        var groups = IdentityGroups.Of(identityOfImage);
        var perImage = ForgettingScores.Of(unlearned, retrained, imageNames, options, auditModels);
        var perIdentity = ForgettingScores.Of(groups.MeanPhi(unlearned), groups.MeanPhi(retrained), groups.Identities, options, auditModels);
        return new AuditScores(perImage, perIdentity, groups);
    }
}
