using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lethe.IO;

/// <summary>
/// The one JSON setting for everything Lethe stores: indented, and NaN allowed, because a diverged model or a model
/// loaded from the cache has NaN fields that standard JSON cannot carry.
/// </summary>
public static class LetheJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
