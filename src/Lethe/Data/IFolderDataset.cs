using Lethe.Data.Checks;

namespace Lethe.Data;

/// <summary>A dataset read from a folder (--data DIR), which `lethe datasets check` can judge.</summary>
public interface IFolderDataset : IDataset
{
    /// <summary>What its folder holds, for --data's help: "the released folder with custom_*_dataset.csv".</summary>
    string FolderHelp { get; }

    /// <summary>Whether <paramref name="root"/> holds this dataset, told by its files, so `datasets check DIR` needs no --dataset.</summary>
    bool Recognises(string root);

    /// <summary>The folder judged as the run would cut it, with the request's forget choice, seed and splits.</summary>
    DatasetCheckReport Check(DatasetRequest request, int nearDistance);
}
