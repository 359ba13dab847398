namespace Lethe.Data.Files;

/// <summary>
/// Bad input in a dataset folder: names the file, and the line when there is one, so a user can open it and look.
/// The CLI prints it as one line without a stack trace.
/// </summary>
public sealed class DataFileException : IOException
{
    public DataFileException(string file, int? line, string problem, Exception? inner = null)
        : base(Format(file, line, problem), inner)
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    public string File { get; }

    /// <summary>1-based line number in <see cref="File"/>, when the problem is on a line.</summary>
    public int? Line { get; }

    public string Problem { get; }

    private static string Format(string file, int? line, string problem) =>
        line is { } n ? $"{file}:{n}: {problem}" : $"{file}: {problem}";
}
