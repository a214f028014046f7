using System.Diagnostics;
using System.Globalization;

namespace OrleansPlatform.Bench;

/// <summary>
/// One silo started the way production starts it (<c>dotnet OrleansPlatform.Silo.dll</c>) in a process
/// of its own, so that its CPU and memory are measured apart from the benchmark's client.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process) => _process = process;

    /// <summary>Process id.</summary>
    public int Pid => _process.Id;

    /// <summary>CPU seconds used so far.</summary>
    public double CpuSeconds() => ProcStat.Cpu(Pid)?.Own ?? double.NaN;

    /// <summary>Resident memory now, in bytes.</summary>
    public long RssBytes() => ProcStat.StatusBytes(Pid, "VmRSS") ?? 0;

    /// <summary>Peak resident memory since start, in bytes.</summary>
    public long PeakRssBytes() => ProcStat.StatusBytes(Pid, "VmHWM") ?? 0;

    /// <summary>Starts a silo of cluster <paramref name="clusterId"/> on the given ports; output goes to <paramref name="logPath"/>.</summary>
    public static SiloProcess Start(string siloDll, string connectionString, string clusterId, int siloPort, int gatewayPort, string logPath)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(siloDll);
        info.Environment["ConnectionStrings__Platform"] = connectionString;
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Orleans__ClusterId"] = clusterId;
        info.Environment["Orleans__ServiceId"] = clusterId;
        info.Environment["Orleans__Endpoints__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
        info.Environment["Orleans__Endpoints__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        var process = Process.Start(info) ?? throw new InvalidOperationException("The silo process did not start.");
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var gate = new Lock();
        void Write(string? line)
        {
            if (line is not null)
            {
                lock (gate)
                {
                    log.WriteLine(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => log.Dispose();
        return new SiloProcess(process);
    }

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Stops the silo gracefully (SIGTERM), then kills it if it has not exited within 20 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
