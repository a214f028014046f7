using System.Diagnostics;
using OrleansPlatform.Areas;
using OrleansPlatform.Households;
using OrleansPlatform.Statistics;

namespace OrleansPlatform.Bench;

/// <summary>
/// Freshness: while other households are rewritten at a steady rate (their phone number toggled, a real
/// write through the whole path that leaves the people counts alone), each probe removes one member from
/// another household and polls its county's and the province's statistics until their people counts
/// drop by one.
/// </summary>
public sealed class FreshnessBench(IClusterClient client, int concurrency)
{
    private static readonly AreaCode Province = AreaCode.Parse("610000000000");
    private static readonly TimeSpan ProbeLimit = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="probes"/> probes on households from <paramref name="candidates"/> (all with two or more members).</summary>
    public async Task<FreshnessResult> RunAsync(IReadOnlyList<(string Id, HouseholdRecord Record)> candidates, int probes, int writesPerSecond, TimeSpan period)
    {
        var stride = Math.Max(1, candidates.Count / probes);
        var probeSet = Enumerable.Range(0, probes).Select(i => candidates[(i * stride) % candidates.Count]).Distinct().ToList();
        var probeIds = probeSet.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var background = candidates.Where(c => !probeIds.Contains(c.Id)).ToList();

        using var stop = new CancellationTokenSource();
        var written = 0;
        var clock = Stopwatch.StartNew();
        var load = Task.Run(() => BackgroundAsync(background, writesPerSecond, () => Interlocked.Increment(ref written), stop.Token));
        await Task.Delay(TimeSpan.FromSeconds(3)); // let the load reach its steady rate

        var results = new List<FreshnessProbe>();
        foreach (var (id, record) in probeSet)
        {
            results.Add(await ProbeAsync(id, record));
            await Task.Delay(TimeSpan.FromMilliseconds(1300)); // probes land at different points of the rollup period
        }

        await stop.CancelAsync();
        await load;
        return new FreshnessResult(period.TotalSeconds, writesPerSecond, written / clock.Elapsed.TotalSeconds, results);
    }

    private async Task<FreshnessProbe> ProbeAsync(string id, HouseholdRecord record)
    {
        var county = AreaCode.Parse(VillageRosterGrain.CountyOf(AreaCode.Parse(record.VillageCode!)));
        var countyBefore = (await StatsRouting.GetStatsAsync(client, county)).People;
        var provinceBefore = (await StatsRouting.GetStatsAsync(client, Province)).People;
        var members = record.Members!.ToList();
        var removable = members.FindLastIndex(m => m.Relation != Relation.Head);
        members.RemoveAt(removable);

        var write = Stopwatch.StartNew();
        await client.GetGrain<IHouseholdGrain>(GrainKeys.Household(id)).ImportAsync(record with { Members = members });
        var writeMs = write.Elapsed.TotalMilliseconds;

        var since = Stopwatch.StartNew();
        double? countyMs = null;
        double? provinceMs = null;
        while ((countyMs is null || provinceMs is null) && since.Elapsed < ProbeLimit)
        {
            if (countyMs is null && (await StatsRouting.GetStatsAsync(client, county)).People == countyBefore - 1)
            {
                countyMs = since.Elapsed.TotalMilliseconds;
            }

            if (provinceMs is null && (await StatsRouting.GetStatsAsync(client, Province)).People == provinceBefore - 1)
            {
                provinceMs = since.Elapsed.TotalMilliseconds;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        return new FreshnessProbe(writeMs, countyMs, provinceMs);
    }

    private async Task BackgroundAsync(List<(string Id, HouseholdRecord Record)> households, int perSecond, Action counted, CancellationToken stop)
    {
        if (households.Count == 0)
        {
            return;
        }

        const int TicksPerSecond = 20;
        var perTick = Math.Max(1, perSecond / TicksPerSecond);
        var current = households.Select(h => h.Record).ToArray();
        var busy = new int[households.Count];
        using var gate = new SemaphoreSlim(concurrency);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / TicksPerSecond));
        var next = 0;
        var inFlight = new List<Task>();
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                for (var k = 0; k < perTick; k++, next = (next + 1) % households.Count)
                {
                    var i = next;
                    if (Interlocked.CompareExchange(ref busy[i], 1, 0) != 0)
                    {
                        continue; // its previous write is still running
                    }

                    if (!gate.Wait(0, CancellationToken.None))
                    {
                        Volatile.Write(ref busy[i], 0);
                        continue; // the system is behind: the achieved rate says so
                    }

                    var record = current[i] with { Phone = current[i].Phone is null ? "10099990000" : null };
                    inFlight.Add(Task.Run(async () =>
                    {
                        try
                        {
                            await client.GetGrain<IHouseholdGrain>(GrainKeys.Household(households[i].Id)).ImportAsync(record);
                            current[i] = record;
                            counted();
                        }
                        finally
                        {
                            gate.Release();
                            Volatile.Write(ref busy[i], 0);
                        }
                    }, CancellationToken.None));
                }

                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException)
        {
            // the probes are done
        }

        await Task.WhenAll(inFlight);
    }
}
