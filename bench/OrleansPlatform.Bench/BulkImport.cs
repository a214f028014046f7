using System.Diagnostics;
using OrleansPlatform.Households;

namespace OrleansPlatform.Bench;

/// <summary>What the platform's bulk import of the generated file did.</summary>
public sealed record BulkImportTiming(ImportTiming Timing, long People, long HandedBack);

/// <summary>
/// The platform's bulk import as the gateway's import job runs it: households in batches to the bulk
/// import grain, a fixed number of batches in flight, and whatever a batch hands back through the
/// household's own grain. Any failure stops the run.
/// </summary>
public static class BulkImport
{
    /// <summary>Imports every household; <paramref name="concurrency"/> bounds the one-by-one writes of handed-back households.</summary>
    public static async Task<BulkImportTiming> RunAsync(
        IClusterClient client, IEnumerable<(string HouseholdId, HouseholdRecord Record)> households, int batchSize, int batchConcurrency, int concurrency)
    {
        var clock = Stopwatch.StartNew();
        long done = 0;
        long people = 0;
        long handedBack = 0;
        var importer = client.GetGrain<IHouseholdImportGrain>(0);
        await Parallel.ForEachAsync(households.Chunk(batchSize), new ParallelOptions { MaxDegreeOfParallelism = batchConcurrency }, async (batch, _) =>
        {
            var outcomes = await importer.ImportBatchAsync(batch.Select(h => new HouseholdImportItem(h.HouseholdId, h.Record)).ToList());
            var back = batch.Where((_, i) => outcomes[i] is null).ToList();
            await Parallel.ForEachAsync(back, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (h, _) =>
                await client.GetGrain<IHouseholdGrain>(GrainKeys.Household(h.HouseholdId)).ImportAsync(h.Record));
            Interlocked.Add(ref handedBack, back.Count);
            Interlocked.Add(ref people, batch.Sum(h => h.Record.Members!.Count));
            Interlocked.Add(ref done, batch.Length);
        });
        return new BulkImportTiming(new ImportTiming(done, clock.Elapsed), people, handedBack);
    }
}
