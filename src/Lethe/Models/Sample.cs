namespace Lethe.Models;

/// <summary>One labelled image of one person.</summary>
/// <param name="Name">Where it came from: a file name relative to its split folder, or a synthetic id.</param>
/// <param name="Identity">The person. Forget sets are made of whole identities, so every sample must carry one.</param>
/// <param name="Labels">The class index (multi-class, binary), or one 0/1 value per attribute (multi-label).</param>
public sealed record Sample(string Name, string Identity, int[] Labels);
