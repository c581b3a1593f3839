namespace Timmy.Web.Cli;

/// <summary>What every verb that calls the running server's API shares: connecting with the options and environment
/// (<see cref="ServerConnection"/>), and turning what can go wrong into one line on the error stream and an exit code:
/// 1 the server could not be reached, did not answer, refused the token or failed; 2 a wrong use (bad arguments, no
/// token, or input the server refused as invalid).</summary>
public static class ServerVerb
{
    public const int FailedExitCode = 1;
    public const int UsageExitCode = 2;

    /// <summary>Parses the options, connects, and runs <paramref name="run"/> with the console, stopped by Ctrl+C.</summary>
    public static async Task<int> RunFromConsoleAsync(
        IReadOnlyList<string> arguments, IReadOnlySet<string> valued, IReadOnlySet<string> flags, Func<string, string?> environment,
        Func<HttpClient, CancellationToken, Task<int>> run)
    {
        var (options, problem) = CliOptions.Parse(arguments, valued, flags);
        var (connection, missing) = options is null ? (null, problem) : ServerConnection.From(options.Value("--url"), environment);
        if (connection is null)
        {
            return await MisuseAsync(Console.Error, missing!);
        }
        using var http = connection.CreateClient();
        using var interrupt = new ConsoleInterrupt();
        return await run(http, interrupt.Token);
    }

    /// <summary>Runs a verb's calls; a failure becomes its line and exit code. <paramref name="whenStopped"/> is what to
    /// say when the user stopped the verb.</summary>
    public static async Task<int> GuardAsync(
        HttpClient http, TextWriter error, string whenStopped, Func<Task<int>> run, CancellationToken cancellationToken)
    {
        try
        {
            return await run();
        }
        catch (HttpRequestException ex)
        {
            return await FailAsync(error, $"Cannot reach the Timmy server at {http.BaseAddress} ({ex.Message}). " +
                $"Start it with `timmy serve`, or point --url or {ServerConnection.UrlVariable} at it.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return await FailAsync(error, $"The Timmy server at {http.BaseAddress} did not answer in time.");
        }
        catch (OperationCanceledException)
        {
            return await FailAsync(error, whenStopped);
        }
        catch (ServerApiException ex) when (ex.Status == 401)
        {
            return await FailAsync(error, $"The server refused the token (401): {ServerConnection.TokenVariable} is unknown or revoked.");
        }
        catch (ServerApiException ex) when (ex.IsBadInput)
        {
            return await MisuseAsync(error, "Refused: " + ex.Message);
        }
        catch (ServerApiException ex)
        {
            return await FailAsync(error, $"The server refused ({ex.Status}): {ex.Message}");
        }
    }

    public static async Task<int> MisuseAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync(message);
        return UsageExitCode;
    }

    private static async Task<int> FailAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync(message);
        return FailedExitCode;
    }
}
