using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OrleansPlatform.Access;
using OrleansPlatform.Errors;
using OrleansPlatform.Households;
using OrleansPlatform.Imports;

namespace OrleansPlatform.Gateway.Imports;

/// <summary>
/// Runs accepted imports in the background: reads the stored file in batches of households, writes
/// each batch through the bulk import grain as the importing caller (new and unchanged households at
/// once), sends what it hands back through each household's grain (updates and rejections, with the
/// same checks, jurisdiction and history), and records progress and every rejected row in the job's
/// grain. Bounds on concurrent bulk calls and on concurrent household writes are shared by all running imports.
/// </summary>
public sealed partial class ImportRunner(IClusterClient cluster, IOptions<ImportOptions> options, ILogger<ImportRunner> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, Task> _running = new();
    private SemaphoreSlim? _gate;
    private SemaphoreSlim? _batchGate;

    private SemaphoreSlim Gate => _gate ??= new SemaphoreSlim(Math.Max(1, options.Value.Concurrency));

    private SemaphoreSlim BatchGate => _batchGate ??= new SemaphoreSlim(Math.Max(1, options.Value.BatchConcurrency));

    /// <summary>Starts importing <paramref name="job"/> in the background.</summary>
    public void Start(ImportJob job)
    {
        var task = Task.Run(() => RunAsync(job, _stopping.Token));
        _running[job.Id] = task;
        _ = task.ContinueWith(_ => _running.TryRemove(job.Id, out Task? _), TaskScheduler.Default);
    }

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public void Dispose()
    {
        _stopping.Dispose();
        _gate?.Dispose();
        _batchGate?.Dispose();
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Values).WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task RunAsync(ImportJob job, CancellationToken stopping)
    {
        using var caller = CallerContext.Use(job.Caller);
        var grain = cluster.GetGrain<IImportJobGrain>(job.Id);
        var tally = new Tally();
        using var reporting = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        Task? reporter = null;
        try
        {
            await grain.StartAsync();
            reporter = ReportPeriodicallyAsync(grain, tally, reporting.Token);
            using var reader = new StreamReader(job.FilePath);
            var batchSize = Math.Clamp(options.Value.BatchSize, 1, HouseholdImportGrain.MaxBatchSize);
            await Parallel.ForEachAsync(
                HouseholdCsv.Read(reader).Chunk(batchSize),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.BatchConcurrency), CancellationToken = stopping },
                (batch, cancellationToken) => ImportBatchAsync(batch, tally, cancellationToken));
            await reporting.CancelAsync();
            await reporter;
            await grain.ReportAsync(tally.Drain());
            await grain.FinishAsync(null);
        }
        catch (Exception e) when (e is not OperationCanceledException || stopping.IsCancellationRequested)
        {
            LogFailed(logger, job.Id, e);
            await reporting.CancelAsync();
            if (reporter is not null)
            {
                await reporter;
            }

            await grain.ReportAsync(tally.Drain());
            await grain.FinishAsync(stopping.IsCancellationRequested
                ? "The gateway stopped during the import; import the file again to finish (households already written stay as they are)."
                : $"The import stopped on a platform error ({e.GetType().Name}); import the file again to finish.");
        }
        finally
        {
            File.Delete(job.FilePath);
        }
    }

    private async ValueTask ImportBatchAsync(CsvHousehold[] batch, Tally tally, CancellationToken cancellationToken)
    {
        var parsed = batch.Where(h => h.Record is not null && h.Errors.Count == 0).ToList();
        IReadOnlyList<ImportOutcome?> outcomes;
        await BatchGate.WaitAsync(cancellationToken);
        try
        {
            outcomes = await cluster.GetGrain<IHouseholdImportGrain>(0)
                .ImportBatchAsync(parsed.Select(h => new HouseholdImportItem(h.HouseholdId, h.Record!)).ToList());
        }
        finally
        {
            BatchGate.Release();
        }

        var handedBack = new List<CsvHousehold>(batch.Where(h => h.Record is null || h.Errors.Count > 0));
        for (var i = 0; i < parsed.Count; i++)
        {
            if (outcomes[i] is { } outcome)
            {
                tally.Written(Math.Max(1, parsed[i].Lines.Count), outcome == ImportOutcome.Created, outcome != ImportOutcome.Unchanged);
            }
            else
            {
                handedBack.Add(parsed[i]);
            }
        }

        await Parallel.ForEachAsync(
            handedBack,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Concurrency), CancellationToken = cancellationToken },
            async (household, token) =>
            {
                await Gate.WaitAsync(token);
                try
                {
                    await ImportOneAsync(household, tally);
                }
                finally
                {
                    Gate.Release();
                }
            });
    }

    private async Task ImportOneAsync(CsvHousehold household, Tally tally)
    {
        var rows = Math.Max(1, household.Lines.Count);
        if (household.Record is null || household.Errors.Count > 0)
        {
            tally.Reject(rows, household.Errors.Select(e => new ImportRejection(e.Line, household.HouseholdId, e.Column, e.Reason)));
            return;
        }

        try
        {
            HouseholdValidator.ValidateId(household.HouseholdId);
            var outcome = await cluster.GetGrain<IHouseholdGrain>(GrainKeys.Household(household.HouseholdId)).ImportAsync(household.Record);
            tally.Written(rows, outcome == ImportOutcome.Created, outcome != ImportOutcome.Unchanged);
        }
        catch (DomainException e)
        {
            tally.Reject(rows, Rejections(household, e));
        }
    }

    /// <summary>One rejection per field at fault, on the line of the member it concerns.</summary>
    private static IEnumerable<ImportRejection> Rejections(CsvHousehold household, DomainException error)
    {
        var first = household.Lines.Count > 0 ? household.Lines[0] : 0;
        if (error.Errors is not { Count: > 0 } fields)
        {
            return [new ImportRejection(first, household.HouseholdId, null, error.Message)];
        }

        return fields.SelectMany(field => field.Value.Select(message =>
            new ImportRejection(LineOf(household, field.Key) ?? first, household.HouseholdId, field.Key, message)));
    }

    private static long? LineOf(CsvHousehold household, string path)
    {
        const string prefix = "members[";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = path.IndexOf(']', StringComparison.Ordinal);
        return end > prefix.Length && int.TryParse(path.AsSpan(prefix.Length, end - prefix.Length), out var index) && index < household.Lines.Count
            ? household.Lines[index]
            : null;
    }

    private async Task ReportPeriodicallyAsync(IImportJobGrain grain, Tally tally, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.ProgressInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await grain.ReportAsync(tally.Drain());
            }
        }
        catch (OperationCanceledException)
        {
            // the import ended; its last progress is reported by the caller
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {JobId} stopped on a platform error.")]
    private static partial void LogFailed(ILogger logger, string jobId, Exception error);

    /// <summary>Counts since the last report, safe for concurrent updates.</summary>
    private sealed class Tally
    {
        private readonly Lock _lock = new();
        private long _rows;
        private int _created;
        private int _updated;
        private int _unchanged;
        private int _rejected;
        private List<ImportRejection> _rejections = [];

        public void Written(int rows, bool created, bool changed)
        {
            lock (_lock)
            {
                _rows += rows;
                if (created)
                {
                    _created++;
                }
                else if (changed)
                {
                    _updated++;
                }
                else
                {
                    _unchanged++;
                }
            }
        }

        public void Reject(int rows, IEnumerable<ImportRejection> rejections)
        {
            lock (_lock)
            {
                _rows += rows;
                _rejected++;
                _rejections.AddRange(rejections);
            }
        }

        public ImportProgress Drain()
        {
            lock (_lock)
            {
                var progress = new ImportProgress(_rows, _created, _updated, _unchanged, _rejected, _rejections);
                (_rows, _created, _updated, _unchanged, _rejected, _rejections) = (0, 0, 0, 0, 0, []);
                return progress;
            }
        }
    }
}
