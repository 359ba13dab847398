namespace Lethe.Training;

/// <summary>The kinds of model file Lethe reads, told apart by their first bytes (see <see cref="ModelFormats.Detect(string)"/>).</summary>
public enum ModelFormat
{
    /// <summary>TorchSharp's own format, which Lethe writes (<see cref="Checkpoint"/>).</summary>
    Lethe,

    /// <summary>torch.save's zip archive, the default since PyTorch 1.6: data.pkl and one entry per storage under data/.</summary>
    TorchSave,

    /// <summary>torch.save's pre-1.6 layout: consecutive pickles after PyTorch's magic number. Refused, saying how to re-save it.</summary>
    TorchSaveLegacy,

    /// <summary>torch.jit.save's zip archive: torch.save's layout, plus the module's compiled code (code/, constants.pkl).</summary>
    TorchScript,

    /// <summary>Hugging Face's safetensors: a JSON header, then the tensors' raw bytes.</summary>
    Safetensors,
}
