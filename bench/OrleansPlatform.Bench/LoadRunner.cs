using System.Diagnostics;

namespace OrleansPlatform.Bench;

/// <summary>Runs one asynchronous operation per item with a fixed number in flight.</summary>
public static class LoadRunner
{
    /// <summary>Calls <paramref name="write"/> for every item with <paramref name="concurrency"/> calls in flight. Any failure stops the run.</summary>
    public static async Task<ImportTiming> RunAsync<T>(IEnumerable<T> items, int concurrency, Func<T, Task> write)
    {
        var clock = Stopwatch.StartNew();
        long done = 0;
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (item, _) =>
        {
            await write(item);
            Interlocked.Increment(ref done);
        });
        return new ImportTiming(done, clock.Elapsed);
    }
}
