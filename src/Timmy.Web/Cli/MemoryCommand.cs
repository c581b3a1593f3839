using System.Globalization;
using Timmy.Core.Memory;

namespace Timmy.Web.Cli;

/// <summary>
/// <c>timmy memory …</c>: the running server's memory over its API. <c>search "text" [--type T]… [--limit N]</c> prints
/// the hits with their scores; <c>add "text" [--type fact|conversation|document] [--shared]</c> stores an entry (a fact
/// by default, remembered once) and prints its id; <c>facts [--limit N]</c> lists the owner's facts; <c>stats</c> sums the
/// memory up. Errors and exit codes as the task verbs (<see cref="ServerVerb"/>).
/// </summary>
public sealed class MemoryCommand(HttpClient http, TextWriter output, TextWriter error)
{
    public const string Usage = """
        Usage: timmy memory search "text" [--type T]... [--limit N]
               timmy memory add "text" [--type fact|conversation|document] [--shared]
               timmy memory facts [--limit N]
               timmy memory stats
        The server is --url or TIMMY_URL (default http://127.0.0.1:8000); the token is TIMMY_TOKEN (memory:read, memory:write).
        """;

    private static readonly HashSet<string> Valued = ["--url", "--type", "--limit"];
    private static readonly HashSet<string> Flags = ["--shared"];

    public static Task<int> RunFromConsoleAsync(IReadOnlyList<string> arguments, Func<string, string?> environment) =>
        ServerVerb.RunFromConsoleAsync(arguments, Valued, Flags, environment,
            (http, ct) => new MemoryCommand(http, Console.Out, Console.Error).RunAsync(arguments, ct));

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (options, problem) = CliOptions.Parse(arguments, Valued, Flags);
        if (options is null)
        {
            return await ServerVerb.MisuseAsync(error, problem!);
        }
        var api = new MemoryApiClient(http);
        return await ServerVerb.GuardAsync(http, error, "Stopped.", async () => options.Words switch
        {
            ["search", ..] => await SearchAsync(api, Text(options.Words.Skip(1)), options, cancellationToken),
            ["add", ..] => await AddAsync(api, Text(options.Words.Skip(1)), options, cancellationToken),
            ["facts"] => await FactsAsync(api, options, cancellationToken),
            ["stats"] => await MemoryStatsVerb.PrintAsync(await api.StatsAsync(cancellationToken), output),
            _ => await ServerVerb.MisuseAsync(error, Usage),
        }, cancellationToken);
    }

    private async Task<int> SearchAsync(MemoryApiClient api, string text, CliOptions options, CancellationToken cancellationToken)
    {
        if (text.Length == 0)
        {
            return await ServerVerb.MisuseAsync(error, "Say what to search for: timmy memory search \"lightning invoices\"");
        }
        var result = await api.SearchAsync(text, options.All("--type"), options.Value("--limit"), cancellationToken);
        if (result.Hits.Count == 0)
        {
            await output.WriteLineAsync("Nothing found.");
            return 0;
        }
        await output.WriteLineAsync(MemoryLines.Header(scored: true));
        foreach (var hit in result.Hits)
        {
            await output.WriteLineAsync(MemoryLines.Line(hit.Entry, hit.Score));
        }
        return 0;
    }

    private async Task<int> AddAsync(MemoryApiClient api, string text, CliOptions options, CancellationToken cancellationToken)
    {
        var type = (options.Value("--type") ?? MemoryContextTypes.Fact).Trim().ToLowerInvariant();
        if (text.Length == 0 || !MemoryContextTypes.IsKnown(type))
        {
            return await ServerVerb.MisuseAsync(error, text.Length == 0
                ? "Say what to remember: timmy memory add \"The owner's cat is called Miso.\""
                : $"--type must be one of {string.Join(", ", MemoryContextTypes.All)} (got '{type}').");
        }
        var shared = options.Has("--shared");
        if (type != MemoryContextTypes.Fact)
        {
            var entry = await api.StoreAsync(text, type, shared, cancellationToken);
            await output.WriteLineAsync($"Stored {type} {entry.Id}.");
            return 0;
        }
        var (fact, isNew) = await api.RememberFactAsync(text, shared, cancellationToken);
        await output.WriteLineAsync(isNew ? $"Stored fact {fact.Id}." : $"Already known: fact {fact.Id}.");
        return 0;
    }

    private async Task<int> FactsAsync(MemoryApiClient api, CliOptions options, CancellationToken cancellationToken)
    {
        var page = await api.FactsAsync(options.Value("--limit"), cancellationToken);
        if (page.Items.Count == 0)
        {
            await output.WriteLineAsync("No facts yet.");
            return 0;
        }
        await output.WriteLineAsync(MemoryLines.Header(scored: false));
        foreach (var fact in page.Items)
        {
            await output.WriteLineAsync(MemoryLines.Line(fact));
        }
        if (page.Next is not null)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"(more: raise --limit, up to {MemoryService.MaxListLimit})"));
        }
        return 0;
    }

    private static string Text(IEnumerable<string> words) => string.Join(' ', words).Trim();
}
