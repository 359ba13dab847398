using Lethe.Tests.Support;

namespace Lethe.Tests.Evaluation;

/// <summary>The reference test vectors in ../shared/testvectors beside the repository root.</summary>
internal static class TestVectorFolder
{
    /// <summary>The path of one vector file; skips the calling test when it is absent.</summary>
    public static string Require(string fileName) => SharedFolder.Require(Path.Combine("testvectors", fileName));
}
