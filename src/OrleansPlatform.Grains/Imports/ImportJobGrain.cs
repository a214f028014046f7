using OrleansPlatform.Errors;
using OrleansPlatform.Households;

namespace OrleansPlatform.Imports;

/// <summary>Keeps one import job's progress and report durable, so it outlives the request that started it.</summary>
public sealed class ImportJobGrain(
    [PersistentState("import", PlatformStorage.Name)] IPersistentState<ImportJobState> state,
    TimeProvider clock)
    : Grain, IImportJobGrain
{
    /// <summary>Rejected rows kept per job.</summary>
    public const int MaxRejections = 100_000;

    /// <summary>How many rejections the job view lists.</summary>
    public const int ListedRejections = 100;

    /// <summary>A running job without a report for this long was dropped by its gateway.</summary>
    public static readonly TimeSpan SilenceLimit = TimeSpan.FromMinutes(2);

    private ImportJobView Job => state.State.Job ?? throw new DomainException(DomainErrorKind.NotFound, "import.not-found", $"Import {this.GetPrimaryKeyString()} does not exist.");

    /// <inheritdoc/>
    public async Task<ImportJobView> CreateAsync(string owner, string? areaCode, string? fileName, long rowsTotal)
    {
        var now = clock.GetUtcNow();
        state.State.Job = new ImportJobView
        {
            Id = this.GetPrimaryKeyString(),
            Status = ImportJobStatus.Queued,
            Owner = owner,
            AreaCode = areaCode,
            FileName = fileName,
            RowsTotal = rowsTotal,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await state.WriteStateAsync();
        return View();
    }

    /// <inheritdoc/>
    public async Task StartAsync()
    {
        var now = clock.GetUtcNow();
        state.State.Job = Job with { Status = ImportJobStatus.Running, StartedAt = now, UpdatedAt = now };
        await state.WriteStateAsync();
    }

    /// <inheritdoc/>
    public async Task ReportAsync(ImportProgress progress)
    {
        var job = Job;
        var now = clock.GetUtcNow();
        var rowsDone = job.RowsDone + progress.RowsDone;
        var room = MaxRejections - state.State.Rejections.Count;
        state.State.Rejections.AddRange(progress.Rejections.Take(Math.Max(0, room)));
        state.State.Job = job with
        {
            RowsDone = rowsDone,
            Created = job.Created + progress.Created,
            Updated = job.Updated + progress.Updated,
            Unchanged = job.Unchanged + progress.Unchanged,
            Rejected = job.Rejected + progress.Rejected,
            UpdatedAt = now,
            RowsPerSecond = job.StartedAt is { } started && now > started ? rowsDone / (now - started).TotalSeconds : 0,
        };
        await state.WriteStateAsync();
    }

    /// <inheritdoc/>
    public async Task FinishAsync(string? failure)
    {
        var now = clock.GetUtcNow();
        state.State.Job = Job with
        {
            Status = failure is null ? ImportJobStatus.Completed : ImportJobStatus.Failed,
            Failure = failure,
            FinishedAt = now,
            UpdatedAt = now,
        };
        state.State.Rejections.Sort((a, b) => a.Line.CompareTo(b.Line));
        await state.WriteStateAsync();
    }

    /// <inheritdoc/>
    public Task<ImportJobView?> GetAsync() => Task.FromResult(state.State.Job is null ? null : View());

    /// <inheritdoc/>
    public Task<ResultPage<ImportRejection>> GetRejectionsAsync(int page, int pageSize)
    {
        _ = Job;
        var sorted = state.State.Rejections.OrderBy(r => r.Line).ToList();
        var items = sorted.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return Task.FromResult(new ResultPage<ImportRejection>(items, page, pageSize, sorted.Count));
    }

    private ImportJobView View()
    {
        var job = Job;
        var silent = job.Status == ImportJobStatus.Running && clock.GetUtcNow() - job.UpdatedAt > SilenceLimit;
        return job with
        {
            Status = silent ? ImportJobStatus.Interrupted : job.Status,
            RejectionsRecorded = state.State.Rejections.Count,
            FirstRejections = state.State.Rejections.OrderBy(r => r.Line).Take(ListedRejections).ToList(),
        };
    }
}
