using System.Collections;

namespace Lethe.Training;

/// <summary>
/// collections.OrderedDict as Razorvine.Pickle fills it (a Hashtable, item by item), keeping the state_dict's
/// _metadata attribute, which says which version of each module's layout the file has (see BatchNormCounters).
/// </summary>
internal sealed class PickledOrderedDict : Hashtable
{
    /// <summary>The _metadata attribute: module path ("" for the root, "layer1.0.bn1") → {"version": n}; null if absent.</summary>
    public Hashtable? Metadata { get; private set; }

    /// <summary>
    /// Called for the pickle's BUILD opcode with the object's attributes (Python's __dict__), never its items.
    /// Razorvine finds it by this name.
    /// </summary>
    public void __setstate__(Hashtable attributes) => Metadata = attributes["_metadata"] as Hashtable;
}
