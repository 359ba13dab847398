namespace Lethe.Cli;

/// <summary>Which exceptions are the user's input (one clear line) and which are bugs (let them surface).</summary>
internal static class CliErrors
{
    public static bool IsUserError(Exception e) =>
        e is ArgumentException or InvalidDataException or Lethe.Data.Files.DataFileException or FileNotFoundException or DirectoryNotFoundException
            or UnauthorizedAccessException or OperationCanceledException
            or Lethe.Cluster.SchedulerException
        || e is AggregateException aggregate && aggregate.Flatten().InnerExceptions.All(IsUserError);

    public static string Describe(Exception e) => e switch
    {
        AggregateException aggregate => Describe(aggregate.Flatten().InnerExceptions[0]),
        OperationCanceledException => "cancelled",
        _ => e.Message,
    };
}
