namespace Lethe.Data;

/// <summary>The set of one MUCAC image (the reference notebooks' TestDataset, ForgetDataset, RetainDataset,
/// UnseenDataset). D_train is not a value of its own: it is Forget plus Retain.</summary>
public enum MucacSplit
{
    Test,
    Forget,
    Retain,
    Unseen,
}
