using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Lethe.IO;
using Lethe.Numerics;

namespace Lethe.Audit;

/// <summary>
/// What an audit found, as stored in audit.json and rendered by the audit report: the sanity checks first, then every
/// method's scores per image and per identity, then the cost.
/// </summary>
/// <param name="Mode">"fixed-original" or "population".</param>
/// <param name="N">Models per pool.</param>
/// <param name="Dataset">The dataset.</param>
/// <param name="Task">The task's name.</param>
/// <param name="ImageSize">Input side, px.</param>
/// <param name="Seed">The data seed; model seeds are Seed … Seed + N − 1.</param>
/// <param name="DataFingerprint">The data's fingerprint.</param>
/// <param name="ForgetImages">Forget images (image-attributes for a multi-label task) scored.</param>
/// <param name="ForgetIdentities">Forget identities scored.</param>
/// <param name="Null">Retrained against retrained.</param>
/// <param name="Original">Original against retrained.</param>
/// <param name="Methods">Each unlearned label's scores, in plan order.</param>
/// <param name="Warnings">What a reader must see first: failed checks, seedless methods.</param>
/// <param name="Cost">Models made and what they took.</param>
public sealed record AuditResult(
    string Mode, int N, string Dataset, string Task, int ImageSize, long Seed, string DataFingerprint,
    int ForgetImages, int ForgetIdentities,
    NullCheck Null, OriginalCheck Original,
    IReadOnlyList<MethodAudit> Methods, IReadOnlyList<string> Warnings, AuditCost Cost)
{
    /// <summary>
    /// The per-person membership test of every model against the Retrained pool, per label: the null row (Retrained,
    /// leave one out), the Original(s), then each method; null in audits scored before the test existed.
    /// </summary>
    public IReadOnlyList<LabelPersonVerdicts>? PersonVerdicts { get; init; }

    private static JsonSerializerOptions Json { get; } = new(LetheJson.Options) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The result as audit.json holds it (enums by name).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public void Write(string path) => AtomicFile.WriteAllText(path, ToJson());

    /// <summary>Reads an audit.json, also one written before the scores were keyed (<see cref="LegacyAuditJson"/>).</summary>
    /// <exception cref="InvalidDataException">Not an audit result (the message names the file).</exception>
    public static AuditResult Read(string path)
    {
        const string what = "a Lethe audit result";
        var node = LetheJson.Read<JsonNode>(path, what, Json);
        try
        {
            return LegacyAuditJson.Upgrade(node, Json).Deserialize<AuditResult>(Json) ?? throw new InvalidDataException($"{path}: not {what} (it holds null)");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: not {what} ({e.Message})", e);
        }
    }
}

/// <summary>What the audit's models cost, from their cells' records.</summary>
/// <param name="ModelCells">Model cells of the plan.</param>
/// <param name="Models">Models they stored (UNSIR's cell stores two).</param>
/// <param name="CellSeconds">Sum of the cells' wall times (training or unlearning plus evaluation), however many ran at once.</param>
/// <param name="SecondsByRole">That sum per role ("Original", "Retrained", "Unlearned").</param>
public sealed record AuditCost(int ModelCells, int Models, double CellSeconds, IReadOnlyDictionary<string, double> SecondsByRole);
