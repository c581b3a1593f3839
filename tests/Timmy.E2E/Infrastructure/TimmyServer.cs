using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Timmy.E2E.Infrastructure;

/// <summary>The real <c>timmy</c> executable, started as its own process on 127.0.0.1 with a port the OS
/// picks and a fresh data folder; the start-up output gives the URL and the one-time sign-in link.</summary>
public sealed partial class TimmyServer : IAsyncDisposable
{
    public const string AdminPassword = "e2e-owner-password";

    private readonly Process _process;
    private readonly List<string> _output = [];

    private TimmyServer(Process process, string dataDirectory)
    {
        _process = process;
        DataDirectory = dataDirectory;
    }

    public string BaseUrl { get; private set; } = "";
    public string SignInLink { get; private set; } = "";
    public string DataDirectory { get; }
    public string Output { get { lock (_output) { return string.Join('\n', _output); } } }

    public static async Task<TimmyServer> StartAsync(IDictionary<string, string>? environment = null)
    {
        var webBin = FindWebOutput();
        var dataDirectory = Directory.CreateTempSubdirectory("timmy-e2e-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            // As with `dotnet run --project src/Timmy.Web`, the project folder is the content root (wwwroot).
            WorkingDirectory = Path.GetFullPath(Path.Combine(webBin, "..", "..", "..")),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(webBin, "timmy.dll"), "--urls", "http://127.0.0.1:0", "--data-dir", dataDirectory })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["TIMMY_ADMIN_PASSWORD"] = AdminPassword;
        start.Environment["OLLAMA_URL"] = "http://127.0.0.1:9";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var server = new TimmyServer(Process.Start(start)!, dataDirectory);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (server._output)
            {
                server._output.Add(line);
            }
            if (SignInLine().Match(line) is { Success: true } match)
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
        server._process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("timmy exited before it was ready:\n" + server.Output));

        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    internal static string FindWebOutput()
    {
        var here = AppContext.BaseDirectory;
        var configuration = here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dir = new DirectoryInfo(here);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Timmy.slnx")))
        {
            dir = dir.Parent;
        }
        if (dir is null)
        {
            throw new InvalidOperationException("Cannot find the repository root (Timmy.slnx) above " + here);
        }
        var bin = Path.Combine(dir.FullName, "src", "Timmy.Web", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(bin, "timmy.dll"))
            ? bin
            : throw new InvalidOperationException($"Build the solution first: {bin}/timmy.dll is missing.");
    }

    [GeneratedRegex(@"Sign in:\s+(?<link>(?<base>https?://[^/\s]+)/auth/start\?token=[A-Za-z0-9_\-]+)")]
    private static partial Regex SignInLine();
}
