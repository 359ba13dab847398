namespace Lethe.Data;

/// <summary>One CSV row of MUFAC: where it was listed, the image it names, whose face it is and the age group.</summary>
/// <param name="Csv">The CSV file the row came from.</param>
/// <param name="Line">1-based line in <paramref name="Csv"/>.</param>
/// <param name="FileName">The image name as the CSV gives it, with `/` for a Windows `\`.</param>
/// <param name="ImagePath">The resolved image file (inside the split's image folder); where it was looked for when missing.</param>
/// <param name="Identity">family_id + "_" + person_id, e.g. F0001_D: one person.</param>
/// <param name="Label">Age group 0..7 (a..h).</param>
/// <param name="Missing">Null when the image was found; else why not, as one line naming the nearest match.</param>
public sealed record MufacRow(string Csv, int Line, string FileName, string ImagePath, string Identity, int Label, string? Missing = null)
{
    public string Where => $"{Csv}:{Line}";
}
