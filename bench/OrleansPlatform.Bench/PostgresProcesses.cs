using Npgsql;

namespace OrleansPlatform.Bench;

/// <summary>
/// The PostgreSQL server's processes on this machine: the postmaster (parent of any backend) and its
/// children. CPU seconds are the live processes' own plus what exited children left in the
/// postmaster's account; memory is every process's private memory plus the shared memory and mapped
/// files once (the most any one process has resident), so shared buffers count once.
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

    /// <summary>Memory of the server now in bytes: private memory summed, shared memory and mapped files counted once.</summary>
    public long MemoryBytes()
    {
        long anon = 0, shmem = 0, file = 0;
        foreach (var pid in ProcStat.Children(_postmaster).Append(_postmaster))
        {
            if (ProcStat.ResidentParts(pid) is { } parts)
            {
                anon += parts.Anon;
                shmem = Math.Max(shmem, parts.Shmem);
                file = Math.Max(file, parts.File);
            }
        }

        return anon + shmem + file;
    }
}
