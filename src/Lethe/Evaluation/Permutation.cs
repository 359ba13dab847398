namespace Lethe.Evaluation;

/// <summary>
/// Fisher–Yates shuffling written out rather than <c>Random.Shuffle</c>, so the draws a seed produces are fixed by
/// this code and not by the runtime's implementation.
/// </summary>
internal static class Permutation
{
    /// <summary>Shuffles <paramref name="items"/> in place with <paramref name="random"/>.</summary>
    public static void Shuffle<T>(T[] items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
