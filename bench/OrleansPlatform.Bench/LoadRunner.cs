using System.Diagnostics;

namespace OrleansPlatform.Bench;

/// <summary>Runs one asynchronous operation per item with a fixed number in flight, timing the first N and all.</summary>
public static class LoadRunner
{
    /// <summary>
    /// Calls <paramref name="write"/> for every item with <paramref name="concurrency"/> calls in flight and
    /// notes when <paramref name="sampleSize"/> of them have completed. Any failure stops the run.
    /// </summary>
    public static async Task<ImportTiming> RunAsync<T>(IEnumerable<T> items, int concurrency, int sampleSize, Func<T, Task> write)
    {
        var clock = Stopwatch.StartNew();
        long done = 0;
        var sampleTime = TimeSpan.Zero;
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (item, _) =>
        {
            await write(item);
            if (Interlocked.Increment(ref done) == sampleSize)
            {
                sampleTime = clock.Elapsed;
            }
        });
        var total = clock.Elapsed;
        var sampled = done >= sampleSize ? sampleSize : done;
        return new ImportTiming(done, total, sampled, sampleTime == TimeSpan.Zero ? total : sampleTime);
    }
}
