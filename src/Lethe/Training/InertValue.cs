using System.Collections;

namespace Lethe.Training;

/// <summary>
/// A Python value that a checkpoint keeps beside the weights and Lethe skips without reading (a NumPy score, a
/// torch.device): built from the pickle's arguments and state, which it ignores, and named for messages.
/// </summary>
/// <param name="Kind">What it is, as a user knows it: "numpy scalar", "numpy array", "torch.device".</param>
internal sealed record InertValue(string Kind)
{
    /// <summary>BUILD with a tuple (NumPy's dtype and array state). Razorvine finds it by this name.</summary>
    public void __setstate__(object[] state)
    {
    }

    /// <summary>BUILD with a dict of attributes.</summary>
    public void __setstate__(Hashtable state)
    {
    }
}
