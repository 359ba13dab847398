namespace Lethe.Evaluation;

/// <summary>
/// Keys of the key-value metadata a φ file carries (Parquet's file-level key_value_metadata; in Python
/// <c>pyarrow.parquet.read_schema(path).metadata</c>, with the keys and values as UTF-8 bytes).
/// </summary>
public static class PhiMetadata
{
    /// <summary>The model's label in the run ("Original", "Retrained", "SCRUB", ...).</summary>
    public const string Model = "lethe.model";

    /// <summary>The run's result hash: a φ file is current only while it equals the run's.</summary>
    public const string ResultHash = "lethe.result_hash";

    /// <summary>The dataset ("synthfaces", "mufac", "mucac", ...).</summary>
    public const string Dataset = "lethe.dataset";

    /// <summary>The prediction task's name ("age-8", "binary-male", "multilabel-male-smiling-young").</summary>
    public const string Task = "lethe.task";

    /// <summary>The input side in pixels.</summary>
    public const string ImageSize = "lethe.image_size";

    /// <summary>The experiment seed (base models, data).</summary>
    public const string Seed = "lethe.seed";

    /// <summary>The unlearning methods' seed (equal to the seed unless a sweep varies only the methods).</summary>
    public const string UnlearnSeed = "lethe.unlearn_seed";

    /// <summary>The preset the run started from ("default", "quick", "paper", ...).</summary>
    public const string Preset = "lethe.preset";

    /// <summary>The Lethe version that wrote the file.</summary>
    public const string Version = "lethe.version";

    /// <summary>The definition of the phi column, in words, for whoever opens the file without Lethe.</summary>
    public const string Definition = "lethe.phi";

    /// <summary>The value stored under <see cref="Definition"/>.</summary>
    public const string DefinitionText =
        "phi = log p_y - log(1 - p_y), from the logits in float64: z_y - logsumexp of the other logits (softmax), " +
        "z if the bit is 1 and -z if 0 (sigmoid, one row per attribute)";
}
