namespace Lethe.Cli;

/// <summary>Which exceptions are the user's input (one clear line) and which are bugs (let them surface).</summary>
internal static class CliErrors
{
    // IOException in general (a full disk, a read-only or missing folder, a path that is a folder, a file another
    // program holds) is the machine the user runs on, not a bug in Lethe: its message names the path, which is what
    // the user needs, and a stack trace helps nobody at the terminal. Commands still check their paths up front, so
    // that a bad --out is refused before the work, not after it.
    public static bool IsUserError(Exception e) =>
        e is ArgumentException or InvalidDataException or Lethe.Data.Files.DataFileException or IOException
            or UnauthorizedAccessException or OperationCanceledException
            or Lethe.Cluster.SchedulerException
        || e is AggregateException aggregate && aggregate.Flatten().InnerExceptions.All(IsUserError);

    public static string Describe(Exception e) => e switch
    {
        AggregateException aggregate => Describe(aggregate.Flatten().InnerExceptions[0]),
        OperationCanceledException => "cancelled",
        // The library names the parameter for its own callers; a user reads the message, which already names the value.
        ArgumentException { ParamName: { } name } argument => argument.Message.Replace($" (Parameter '{name}')", ""),
        _ => e.Message,
    };
}
