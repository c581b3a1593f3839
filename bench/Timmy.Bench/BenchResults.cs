namespace Timmy.Bench;

/// <summary>Where figures go: <c>bench/results/</c> of the repository the bench runs in.</summary>
public static class BenchResults
{
    public static string PathFor(string fileName)
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Timmy.slnx")))
        {
            dir = dir.Parent;
        }
        var results = Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "bench", "results");
        Directory.CreateDirectory(results);
        return Path.Combine(results, fileName);
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
