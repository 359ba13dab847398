using static TorchSharp.torch;

namespace Lethe.Training;

/// <summary>One storage of a torch.save archive: the entry data/<paramref name="Key"/> as a flat tensor of its dtype.</summary>
/// <param name="Key">The storage's name in the archive; tensors that share a storage name the same key.</param>
/// <param name="Flat">All of its elements, 1-D, on the CPU.</param>
internal sealed record StorageBlock(string Key, Tensor Flat);
