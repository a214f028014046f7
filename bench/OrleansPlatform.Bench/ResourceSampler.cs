namespace OrleansPlatform.Bench;

/// <summary>
/// Samples the silo's resident memory and PostgreSQL's memory every second while a phase runs and
/// keeps the peaks; CPU seconds of the silo, PostgreSQL and this process are taken at both ends.
/// </summary>
public sealed class ResourceSampler : IAsyncDisposable
{
    private readonly SiloProcess _silo;
    private readonly PostgresProcesses? _postgres;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly (double Silo, double Postgres, double Client) _cpuAtStart;
    private long _peakSilo;
    private long _peakPostgres;

    /// <summary>Starts sampling.</summary>
    public ResourceSampler(SiloProcess silo, PostgresProcesses? postgres)
    {
        _silo = silo;
        _postgres = postgres;
        _cpuAtStart = Cpu();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Stops sampling and returns what was used since the start.</summary>
    public async Task<ResourceUse> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Sample();
        var end = Cpu();
        return new ResourceUse(
            end.Silo - _cpuAtStart.Silo,
            _postgres is null ? null : end.Postgres - _cpuAtStart.Postgres,
            end.Client - _cpuAtStart.Client,
            _peakSilo,
            _postgres is null ? null : _peakPostgres);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
            await _loop;
        }

        _stop.Dispose();
    }

    private (double Silo, double Postgres, double Client) Cpu() =>
        (_silo.CpuSeconds(), _postgres?.CpuSeconds() ?? 0, Environment.CpuUsage.TotalTime.TotalSeconds);

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            do
            {
                Sample();
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private void Sample()
    {
        _peakSilo = Math.Max(_peakSilo, _silo.RssBytes());
        if (_postgres is not null)
        {
            _peakPostgres = Math.Max(_peakPostgres, _postgres.MemoryBytes());
        }
    }
}
