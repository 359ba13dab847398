using System.Text.Json;

namespace Lethe.IO;

/// <summary>
/// The one JSON setting for everything Lethe stores: indented, and a number that does not exist (NaN: a diverged
/// model, a model loaded from the cache) written as null, so that every file is standard JSON.
/// </summary>
public static class LetheJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Converters = { new MissingNumberJson.Double(), new MissingNumberJson.Single() },
    };
}
