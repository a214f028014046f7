using System.Globalization;

namespace OrleansPlatform.Bench;

/// <summary>
/// Reads a process's CPU time and memory from Linux's /proc: CPU seconds from <c>stat</c>, resident
/// and peak resident memory, and its private, shared and file-backed parts, from <c>status</c>.
/// (Not <c>smaps_rollup</c>: reading it walks the process's page tables, about 5 ms of kernel time per
/// PostgreSQL process here, half a core when a hundred backends were sampled every second.)
/// </summary>
public static class ProcStat
{
    /// <summary>Clock ticks per second of /proc/*/stat times (USER_HZ, 100 on Linux).</summary>
    public const double TicksPerSecond = 100;

    /// <summary>CPU seconds of the process itself, and of its waited-for children that exited; null when it is gone.</summary>
    public static (double Own, double ExitedChildren, int ParentPid)? Cpu(int pid)
    {
        var text = TryRead($"/proc/{pid}/stat");
        if (text is null)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may contain spaces: parse after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        double F(int field) => double.Parse(fields[field - 3], CultureInfo.InvariantCulture);
        return ((F(14) + F(15)) / TicksPerSecond, (F(16) + F(17)) / TicksPerSecond, (int)F(4));
    }

    /// <summary>A field of /proc/PID/status in bytes (VmRSS, VmHWM); null when the process is gone.</summary>
    public static long? StatusBytes(int pid, string field) => KiloBytesField(TryRead($"/proc/{pid}/status"), field);

    /// <summary>Physical memory of the machine in bytes (MemTotal of /proc/meminfo).</summary>
    public static long? MemTotalBytes() => KiloBytesField(TryRead("/proc/meminfo"), "MemTotal");

    /// <summary>Resident memory in bytes split as private (RssAnon), shared memory (RssShmem) and file-backed (RssFile); null when the process is gone.</summary>
    public static (long Anon, long Shmem, long File)? ResidentParts(int pid)
    {
        var text = TryRead($"/proc/{pid}/status");
        return text is null ? null : (KiloBytesField(text, "RssAnon") ?? 0, KiloBytesField(text, "RssShmem") ?? 0, KiloBytesField(text, "RssFile") ?? 0);
    }

    /// <summary>Ids of the live processes whose parent is <paramref name="parentPid"/>.</summary>
    public static List<int> Children(int parentPid)
    {
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Cpu(pid) is { } cpu && cpu.ParentPid == parentPid)
            {
                children.Add(pid);
            }
        }

        return children;
    }

    private static long? KiloBytesField(string? text, string field)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var number = line[(field.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(number, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return null;
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
