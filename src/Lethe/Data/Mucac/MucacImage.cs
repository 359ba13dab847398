namespace Lethe.Data;

/// <summary>One CelebA-HQ image as MUCAC sees it.</summary>
/// <param name="File">The file name in CelebA-HQ-img, e.g. "0.jpg".</param>
/// <param name="Identity">The person's number from CelebA-HQ-identity.txt.</param>
/// <param name="Attributes">[Male, Smiling, Young], each 0 or 1.</param>
/// <param name="Split">The set the identity falls in.</param>
public sealed record MucacImage(string File, int Identity, IReadOnlyList<int> Attributes, MucacSplit Split)
{
    /// <summary>The identity as <see cref="Models.Sample.Identity"/> spells it; the prefix keeps it apart from other datasets' ids.</summary>
    public string Person => $"celebahq-{Identity}";
}
