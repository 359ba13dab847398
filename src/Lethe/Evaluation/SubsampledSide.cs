using System.Text.Json.Serialization;

namespace Lethe.Evaluation;

/// <summary>Which of the attack's two sets was cut at random to balance them (stored by name in results.json).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SubsampledSide>))]
public enum SubsampledSide
{
    /// <summary>Both sets used whole: equal sizes, or unseen larger by no more than the reference tolerance.</summary>
    None,

    /// <summary>Forget cut to the size of unseen, as the reference's <c>cal_mia()</c> does.</summary>
    Forget,

    /// <summary>Unseen cut to the size of forget: Lethe's extension for small forget sets.</summary>
    Unseen,
}
