using System.Globalization;

namespace Lethe.Numerics;

/// <summary>
/// A number as every table, log line and status shows it: fixed digits in the invariant culture, and "–" where the
/// number does not exist (no attack on too small a set, a diverged model's NaN, a value never measured), never a
/// plausible digit.
/// </summary>
public static class NumberText
{
    /// <summary><paramref name="value"/> in <paramref name="format"/> ("F4": 0.4776), or "–" when null or not finite.</summary>
    public static string Of(double? value, string format = "F4") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    /// <summary>
    /// A fraction as a percentage with <paramref name="decimals"/> digits and no space ("0.0187%"), as the reports
    /// write them; the invariant culture's own percent format writes "0.0187 %". "–" when null or not finite.
    /// </summary>
    public static string Percent(double? fraction, int decimals = 0) =>
        fraction is { } f && double.IsFinite(f) ? Of(f * 100, $"F{decimals}") + "%" : Of(null);
}
