using System.Diagnostics;
using OrleansPlatform.Statistics;
using Xunit.Abstractions;

namespace OrleansPlatform.Grains.Tests.Statistics;

/// <summary>Its own two-silo cluster, since one of them is killed.</summary>
public sealed class KillableClusterFixture : FastRollupClusterFixture;

public class SiloKillConvergenceTests(KillableClusterFixture fixture, ITestOutputHelper output) : IClassFixture<KillableClusterFixture>
{
    [Fact]
    public async Task After_a_silo_is_killed_mid_load_every_area_converges_to_an_exact_recount_within_three_periods()
    {
        var period = FastRollupClusterFixture.Period;
        var world = new StatsWorld(fixture.Client, "650000000000", seed: 11);
        await world.CreateAreasAsync();
        for (var i = 0; i < 20; i++)
        {
            await world.RegisterAsync();
        }

        using var stop = new CancellationTokenSource();
        var failures = 0;
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 200 && !stop.IsCancellationRequested; i++)
            {
                try
                {
                    await (i % 3 == 0 ? world.RegisterAsync() : world.ChangeAsync());
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures); // calls caught by the kill fail; what they wrote must still count exactly
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(1));
        var victim = fixture.Cluster.Silos[^1];
        await fixture.Cluster.KillSiloAsync(victim);
        await Task.Delay(TimeSpan.FromSeconds(1));
        stop.Cancel();
        await Task.WhenAll(writers);
        await fixture.Cluster.WaitForLivenessToStabilizeAsync(didKill: true);

        var clock = Stopwatch.StartNew();
        List<string> mismatches;
        do
        {
            mismatches = await world.MismatchesAsync();
        }
        while (mismatches.Count > 0 && clock.Elapsed < 3 * period + TimeSpan.FromSeconds(1));
        output.WriteLine($"{world.Households.Count} households written, {failures} calls failed, converged after {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        var check = await fixture.Client.GetGrain<IConsistencyGrain>(0).CheckAsync("650000000000");
        Assert.True(check.Consistent, string.Join("; ", check.Differences.Select(d => $"{d.Figure}: {d.Served} vs {d.Recount}")));
    }
}
