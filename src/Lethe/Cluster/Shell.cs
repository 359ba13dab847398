namespace Lethe.Cluster;

/// <summary>POSIX shell quoting for the scripts Lethe writes (paths with spaces or quotes stay one word).</summary>
public static class Shell
{
    /// <summary>The word in single quotes, with each ' written as '\'' (plain words without special characters stay bare).</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "/._-+=:,@%".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''") + "'";
}
