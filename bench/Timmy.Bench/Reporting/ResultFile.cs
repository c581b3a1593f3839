using System.Globalization;
using System.Text;

namespace Timmy.Bench.Reporting;

/// <summary>A plain-text result: machine facts, the command, then the figures. Written under
/// <c>bench/results/</c> of the repository (overwritten, or appended with <c>--append</c>).</summary>
public sealed class ResultFile(string mode, BenchArguments options)
{
    private readonly StringBuilder _text = new();

    public void Line(string line = "")
    {
        Console.WriteLine(line);
        _text.AppendLine(line);
    }

    public void Header(string title, string command)
    {
        Line($"== {title} ==");
        Line("date:     " + DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        foreach (var fact in MachineFacts.Describe())
        {
            Line(fact);
        }
        Line("command:  " + command);
    }

    public string Save()
    {
        var path = options.Text("out") ?? Path.Combine(RepositoryRoot(), "bench", "results", mode + ".txt");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var block = _text.ToString() + Environment.NewLine;
        if (options.Flag("append"))
        {
            File.AppendAllText(path, block);
        }
        else
        {
            File.WriteAllText(path, block);
        }
        return path;
    }

    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Timmy.slnx")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Run the bench from inside the repository (Timmy.slnx not found).");
    }
}
