namespace Lethe.Experiments;

/// <summary>An IProgress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool and reorders).</summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
