using ICU4N.Text;

namespace Lethe.Data.Files;

/// <summary>
/// File names in Unicode normal form C, so that a name a CSV holds composed (한 as one code point) matches the same name
/// stored decomposed (ᄒ + ᅡ + ᆫ), as macOS writes it. ICU4N does the normalising because Lethe runs with
/// InvariantGlobalization, under which .NET's own string.Normalize returns its input unchanged.
/// </summary>
public static class FileNameForm
{
    private static readonly Normalizer2 Nfc = Normalizer2.NFCInstance;

    /// <summary>The NFC form of <paramref name="name"/>; the same string when it is already NFC (every ASCII name is).</summary>
    public static string Composed(string name) => Nfc.IsNormalized(name) ? name : Nfc.Normalize(name);
}
