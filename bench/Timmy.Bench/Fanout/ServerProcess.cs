using System.Diagnostics;
using System.Text.RegularExpressions;
using Timmy.Bench.Reporting;

namespace Timmy.Bench.Fanout;

/// <summary>The real <c>timmy</c> server (the Release build of src/Timmy.Web) as its own process on
/// 127.0.0.1 with an OS-chosen port and a fresh data folder, as the end-to-end tests start it. Its
/// start-up banner gives the base URL and the one-time sign-in link.</summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;

    private ServerProcess(Process process, string dataDirectory)
    {
        _process = process;
        _dataDirectory = dataDirectory;
    }

    public string BaseUrl { get; private set; } = "";
    public string SignInLink { get; private set; } = "";
    public int Id => _process.Id;
    public string DataDirectory => _dataDirectory;

    public static async Task<ServerProcess> StartAsync(IDictionary<string, string> environment)
    {
        var web = Path.Combine(ResultFile.RepositoryRoot(), "src", "Timmy.Web");
        var dll = Path.Combine(web, "bin", "Release", "net10.0", "timmy.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"Build first: dotnet build -c Release bench/Timmy.Bench ({dll} is missing).");
        }
        var dataDirectory = Directory.CreateTempSubdirectory("timmy-bench-server-").FullName;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--urls", "http://127.0.0.1:0", "--data-dir", dataDirectory })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["OLLAMA_URL"] = "http://127.0.0.1:9";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var server = new ServerProcess(Process.Start(start)!, dataDirectory);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is not null && SignInLine().Match(line) is { Success: true } match)
            {
                server.SignInLink = match.Groups["link"].Value;
                server.BaseUrl = match.Groups["base"].Value;
                ready.TrySetResult();
            }
        }
        server._process.OutputDataReceived += (_, e) => OnLine(e.Data);
        server._process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        server._process.EnableRaisingEvents = true;
        server._process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("timmy exited before it was ready"));
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return server;
    }

    /// <summary>Resident and anonymous (private) memory of the server process, from /proc.</summary>
    public (long RssKb, long AnonKb) Memory()
    {
        long rss = 0, anon = 0;
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                anon = Kilobytes(line);
            }
        }
        return (rss, anon);
    }

    /// <summary>CPU time (user + system) the server process has used so far.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>The part of <see cref="CpuTime"/> spent in the kernel (system calls such as fsync and socket I/O).</summary>
    public TimeSpan KernelTime()
    {
        _process.Refresh();
        return _process.PrivilegedProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static long Kilobytes(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

    [GeneratedRegex(@"Sign in:\s+(?<link>(?<base>https?://[^/\s]+)/auth/start\?token=[A-Za-z0-9_\-]+)")]
    private static partial Regex SignInLine();
}
