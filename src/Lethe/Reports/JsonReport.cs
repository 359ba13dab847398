using System.Text.Json;
using Lethe.Experiments;

namespace Lethe.Reports;

/// <summary>results.json: the whole run record (provenance, spec, data, every model with its history and settings).</summary>
public sealed class JsonReport
{
    private static JsonSerializerOptions Options => Lethe.IO.LetheJson.Options;

    /// <summary>The file a run's folder holds its record in, which `lethe report` and a sweep read.</summary>
    public const string ResultsFile = "results.json";

    public string Render(RunRecord run) => JsonSerializer.Serialize(run, Options);

    /// <exception cref="InvalidDataException">Not a results file, or a damaged one (the message names the file).</exception>
    public static RunRecord Read(string path) => Lethe.IO.LetheJson.Read<RunRecord>(path, "a Lethe results file", Options);
}
