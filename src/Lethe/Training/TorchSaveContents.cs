namespace Lethe.Training;

/// <summary>What <see cref="TorchSaveArchive.Read"/> found in a torch.save or torch.jit.save archive.</summary>
/// <param name="Saved">The unpickled data.pkl: what torch.save was given, or for TorchScript the module (a ClassDict).</param>
/// <param name="IsTorchScript">Whether torch.jit.save wrote it.</param>
/// <param name="FailedChecksums">Storages whose bytes fail their CRC-32 (see <see cref="StateDictUnpickler.FailedChecksums"/>).</param>
internal sealed record TorchSaveContents(object? Saved, bool IsTorchScript, IReadOnlyList<string> FailedChecksums);
