using System.Runtime.InteropServices;
using Npgsql;

namespace OrleansPlatform.Bench;

/// <summary>The machine and software a run measured.</summary>
public sealed record MachineInfo(int Cores, long MemoryBytes, string Cpu, string Os, string Dotnet, string Postgres)
{
    /// <summary>Reads /proc and /etc/os-release, the runtime and the server's version().</summary>
    public static async Task<MachineInfo> ReadAsync(string connectionString)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"') ?? "Linux"
            : RuntimeInformation.OSDescription;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW server_version", connection);
        var postgres = "PostgreSQL " + (string)(await command.ExecuteScalarAsync())!;
        return new MachineInfo(
            Environment.ProcessorCount,
            ProcStat.MemTotalBytes() ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            cpu,
            $"{os} ({RuntimeInformation.OSDescription})",
            RuntimeInformation.FrameworkDescription,
            postgres);
    }
}
