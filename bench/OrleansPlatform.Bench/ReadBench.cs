using System.Diagnostics;

namespace OrleansPlatform.Bench;

/// <summary>Measures a read: latency one call at a time, then throughput with many in flight, each bounded in calls and time.</summary>
public static class ReadBench
{
    /// <summary>Warms up, measures sequential latency and concurrent throughput of <paramref name="read"/>.</summary>
    public static async Task<LatencySummary> MeasureAsync(Func<Task> read, int maxCalls, TimeSpan budget, int concurrency)
    {
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < Math.Max(5, maxCalls / 20) && warm.Elapsed < budget / 10; i++)
        {
            await read();
        }

        var samples = new List<double>();
        var total = Stopwatch.StartNew();
        while (samples.Count < maxCalls && (samples.Count < 20 || total.Elapsed < budget))
        {
            var one = Stopwatch.StartNew();
            await read();
            samples.Add(one.Elapsed.TotalMilliseconds);
        }

        var mean = samples.Average();
        samples.Sort();

        var calls = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < budget && Volatile.Read(ref calls) < maxCalls * 4)
            {
                await read();
                Interlocked.Increment(ref calls);
            }
        });
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        return new LatencySummary(samples.Count, LatencySummary.Percentile(samples, 50), LatencySummary.Percentile(samples, 99), mean, calls, calls / seconds);
    }
}
