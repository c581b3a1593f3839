using System.Runtime.InteropServices;

namespace Timmy.Bench.Reporting;

/// <summary>What the figures were measured on: cores, memory, CPU model, OS, runtime.</summary>
public static class MachineFacts
{
    public static IEnumerable<string> Describe()
    {
        yield return $"cpus:     {Environment.ProcessorCount} (nproc)";
        yield return $"cpu:      {ProcLine("/proc/cpuinfo", "model name") ?? "unknown"}";
        yield return $"memory:   {ProcLine("/proc/meminfo", "MemTotal") ?? "unknown"}";
        yield return $"os:       {RuntimeInformation.OSDescription}";
        yield return $"runtime:  {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>The 1, 5 and 15 minute load averages (/proc/loadavg), for figures measured on a shared machine.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? ProcLine(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':') + 1)..].Trim();
    }
}
