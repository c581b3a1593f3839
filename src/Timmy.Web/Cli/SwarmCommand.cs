namespace Timmy.Web.Cli;

/// <summary>
/// The verbs that drive the swarm of the running server over its API (the personas and auctions live in that
/// process): <c>task post</c>, <c>task list</c> and <c>agents</c>. Errors are one line on the error stream. Exit codes
/// (<see cref="ServerVerb"/>): 0 done; 1 the task failed or was cancelled, the server could not be reached, refused the
/// token or failed; 2 a wrong use (bad arguments, no token, or input the server refused as invalid).
/// </summary>
public sealed class SwarmCommand(HttpClient http, TextWriter output, TextWriter error, TimeProvider time)
{
    public const int FailedExitCode = ServerVerb.FailedExitCode;
    public const int UsageExitCode = ServerVerb.UsageExitCode;

    public const string Usage = """
        Usage: timmy task post "description" [--max-bid N] [--wait]
               timmy task list [--status S]... [--limit N]
               timmy agents
        The server is --url or TIMMY_URL (default http://127.0.0.1:8000); the token is TIMMY_TOKEN.
        """;

    private static readonly HashSet<string> Valued = ["--url", "--max-bid", "--status", "--limit"];
    private static readonly HashSet<string> Flags = ["--wait"];

    /// <summary>Runs the verb with the console, against the server and token the options and environment name.</summary>
    public static Task<int> RunFromConsoleAsync(string verb, IReadOnlyList<string> arguments, Func<string, string?> environment) =>
        ServerVerb.RunFromConsoleAsync(arguments, Valued, Flags, environment,
            (http, ct) => new SwarmCommand(http, Console.Out, Console.Error, TimeProvider.System).RunAsync(verb, arguments, ct));

    public async Task<int> RunAsync(string verb, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (options, problem) = CliOptions.Parse(arguments, Valued, Flags);
        if (options is null)
        {
            return await MisuseAsync(error, problem!);
        }
        var api = new SwarmApiClient(http);
        return await ServerVerb.GuardAsync(http, error, "Stopped waiting; the task goes on in the server (see `timmy task list`).", async () => (verb, options.Words) switch
        {
            (TimmyCommandLine.TaskVerb, ["post", ..]) => await new TaskPostVerb(api, output, error, time).RunAsync(options, cancellationToken),
            (TimmyCommandLine.TaskVerb, ["list"]) => await new TaskListVerb(api, output).RunAsync(options, cancellationToken),
            (TimmyCommandLine.AgentsVerb, []) => await new AgentsVerb(api, output).RunAsync(cancellationToken),
            _ => await MisuseAsync(error, Usage),
        }, cancellationToken);
    }

    public static Task<int> MisuseAsync(TextWriter error, string message) => ServerVerb.MisuseAsync(error, message);
}
