using Npgsql;

namespace OrleansPlatform.Bench;

/// <summary>
/// The PostgreSQL server's processes on this machine: the postmaster (parent of any backend) and its
/// children. CPU seconds are the live processes' own plus what exited children left in the
/// postmaster's account; memory is the sum of proportional set sizes, so shared buffers count once.
/// </summary>
public sealed class PostgresProcesses
{
    private readonly int _postmaster;

    private PostgresProcesses(int postmaster) => _postmaster = postmaster;

    /// <summary>Finds the server behind <paramref name="connectionString"/>; null when its processes are not visible here.</summary>
    public static async Task<PostgresProcesses?> FindAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync())!;
        return ProcStat.Cpu(backend) is { } cpu && ProcStat.Cpu(cpu.ParentPid) is not null ? new PostgresProcesses(cpu.ParentPid) : null;
    }

    /// <summary>CPU seconds used by the server so far.</summary>
    public double CpuSeconds()
    {
        var total = ProcStat.Cpu(_postmaster) is { } p ? p.Own + p.ExitedChildren : 0;
        foreach (var child in ProcStat.Children(_postmaster))
        {
            total += ProcStat.Cpu(child)?.Own ?? 0;
        }

        return total;
    }

    /// <summary>Memory of the server now: summed proportional set sizes in bytes.</summary>
    public long MemoryBytes()
    {
        var total = ProcStat.PssBytes(_postmaster) ?? 0;
        foreach (var child in ProcStat.Children(_postmaster))
        {
            total += ProcStat.PssBytes(child) ?? 0;
        }

        return total;
    }
}
