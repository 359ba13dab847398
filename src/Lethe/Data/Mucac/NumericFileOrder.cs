using System.Globalization;

namespace Lethe.Data;

/// <summary>
/// Orders file names by the number in their stem ("2.jpg" before "10.jpg"), so that the image order does not depend on
/// the file system's directory order, which the reference's <c>glob.glob</c> followed. Lethe's choice: the order only
/// affects shuffling and subsampling, and this one is the same on every machine. Names without a numeric stem follow,
/// in ordinal order.
/// </summary>
public sealed class NumericFileOrder : IComparer<string>
{
    public static NumericFileOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var (a, b) = (Number(x), Number(y));
        if (a != b)
        {
            if (a is null) return 1;
            if (b is null) return -1;
            return a.Value.CompareTo(b.Value);
        }
        return string.CompareOrdinal(x, y);
    }

    private static long? Number(string? name) =>
        long.TryParse(Path.GetFileNameWithoutExtension(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
