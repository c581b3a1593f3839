using Timmy.Core.Memory;
using Timmy.Core.Security;
using Timmy.Tests.Infrastructure;
using Timmy.Web.Cli;

namespace Timmy.Tests.Cli;

/// <summary><c>timmy memory …</c> as a client of a running server (the in-process host's API over an injected
/// HttpClient): what it prints, and its exit codes.</summary>
public sealed class MemoryCommandTests : IAsyncLifetime
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly TimmyWebFactory _host = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MemoryService Memory => _host.Service<MemoryService>();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Add_Fact_PrintsTheStoredId_ThenAgain_SaysItIsKnown()
    {
        var exit = await RunAsync("memory", "add", "The owner's cat is called Miso.", "--shared");
        var again = await RunAsync("memory", "add", "The owner's cat is called Miso.");

        Assert.Equal(0, exit);
        Assert.Equal(0, again);
        var fact = Assert.Single((await Memory.ListAsync(MemoryFilter.None, MemoryViewer.Owner, null, 10, Ct)).Items);
        Assert.Equal(MemoryContextTypes.Fact, fact.ContextType);
        Assert.True(fact.Shared);
        Assert.Equal([$"Stored fact {fact.Id}.", $"Already known: fact {fact.Id}."], Lines());
    }

    [Fact]
    public async Task Add_Conversation_StoresThatType()
    {
        var exit = await RunAsync("memory", "add", "We", "talked", "about", "relays.", "--type", "conversation");

        Assert.Equal(0, exit);
        var entry = Assert.Single((await Memory.ListAsync(MemoryFilter.None, MemoryViewer.Owner, null, 10, Ct)).Items);
        Assert.Equal(("conversation", "We talked about relays.", false), (entry.ContextType, entry.Content, entry.Shared));
        Assert.Equal($"Stored conversation {entry.Id}.", _output.ToString().Trim());
    }

    [Fact]
    public async Task Search_PrintsScoreTypeSourceTimeAndTheFirstLine()
    {
        await Memory.StoreAsync(new NewMemory("The Lightning invoice was paid.\nSecond line.", MemoryContextTypes.Conversation, "chat"), Ct);
        await Memory.StoreAsync(new NewMemory("The owner grows tomatoes.", MemoryContextTypes.Fact, "api"), Ct);

        var exit = await RunAsync("memory", "search", "lightning", "invoice");

        Assert.Equal(0, exit);
        var lines = Lines();
        Assert.StartsWith("SCORE", lines[0]);
        var columns = lines[1].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(double.Parse(columns[0], System.Globalization.CultureInfo.InvariantCulture) > 0, lines[1]);
        Assert.Equal(["conversation", "chat"], columns[1..3]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", columns[3]);
        Assert.Equal("The Lightning invoice was paid. …", columns[4]);
        Assert.DoesNotContain(lines, l => l.Contains("Second line."));
    }

    [Fact]
    public async Task Search_TypeAndLimit_Narrow()
    {
        await Memory.StoreAsync(new NewMemory("An invoice came in.", MemoryContextTypes.Conversation, "chat"), Ct);
        await Memory.StoreAsync(new NewMemory("The owner pays every invoice on Fridays.", MemoryContextTypes.Fact, "api"), Ct);
        await Memory.StoreAsync(new NewMemory("The owner keeps invoice copies.", MemoryContextTypes.Fact, "api"), Ct);

        var exit = await RunAsync("memory", "search", "invoice", "--type", "fact", "--limit", "1");

        Assert.Equal(0, exit);
        var row = Assert.Single(Lines()[1..]);
        Assert.Contains("fact", row);
    }

    [Fact]
    public async Task Search_NothingFound_SaysSo()
    {
        var exit = await RunAsync("memory", "search", "anything");

        Assert.Equal(0, exit);
        Assert.Equal("Nothing found.", _output.ToString().Trim());
    }

    [Fact]
    public async Task Facts_ListsTheFactsNewestFirst()
    {
        await Memory.StoreAsync(new NewMemory("The owner likes tea.", MemoryContextTypes.Fact, "api"), Ct);
        await Memory.StoreAsync(new NewMemory("Not a fact.", MemoryContextTypes.Conversation, "chat"), Ct);
        await Memory.StoreAsync(new NewMemory("The owner likes jazz.", MemoryContextTypes.Fact, "api"), Ct);

        var exit = await RunAsync("memory", "facts");

        Assert.Equal(0, exit);
        var lines = Lines();
        Assert.StartsWith("TYPE", lines[0]);
        Assert.Equal(2, lines.Length - 1);
        Assert.EndsWith("The owner likes jazz.", lines[1]);
        Assert.EndsWith("The owner likes tea.", lines[2]);
    }

    [Fact]
    public async Task Stats_SumsTheMemoryUp()
    {
        await Memory.StoreAsync(new NewMemory("The owner likes tea.", MemoryContextTypes.Fact, "api"), Ct);

        var exit = await RunAsync("memory", "stats");

        Assert.Equal(0, exit);
        var text = _output.ToString();
        Assert.Contains("Entries:   1 (0 conversation, 1 fact, 0 document)", text);
        Assert.Contains("Embedder:  hashing/v1", text);
        Assert.Contains("Re-embed:  idle", text);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("memory", "forget", "x")]
    [InlineData("memory", "add")]
    [InlineData("memory", "add", "x", "--type", "dream")]
    [InlineData("memory", "add", "x", "--frobnicate")]
    [InlineData("memory", "search")]
    [InlineData("memory", "search", "x", "--limit")]
    [InlineData("memory", "stats", "extra")]
    public async Task Misuse_Exit2_AndStoresNothing(params string[] arguments)
    {
        var exit = await RunAsync(arguments);

        Assert.Equal(ServerVerb.UsageExitCode, exit);
        Assert.NotEmpty(_error.ToString().Trim());
        Assert.Equal(0, (await Memory.StatusAsync(Ct)).Stats.Total);
    }

    [Theory]
    [InlineData("search", "x", "--limit", "0", "limit:")]
    [InlineData("search", "x", "--type", "dream", "type:")]
    public async Task InputTheServerRefuses_Exit2NamingTheField(string verb, string text, string option, string value, string field)
    {
        var exit = await RunAsync("memory", verb, text, option, value);

        Assert.Equal(ServerVerb.UsageExitCode, exit);
        Assert.StartsWith($"Refused: {field}", _error.ToString());
    }

    [Fact]
    public async Task HugeFact_Exit2NamingContent()
    {
        var exit = await RunAsync("memory", "add", new string('a', 20_001));

        Assert.Equal(ServerVerb.UsageExitCode, exit);
        Assert.StartsWith("Refused: content:", _error.ToString());
    }

    [Fact]
    public async Task ReadOnlyToken_Adding_Exit1NamingTheScopeNeeded()
    {
        var exit = await RunAsync(await _host.CreateOwnerClientAsync(ApiScopes.MemoryRead), "memory", "add", "The owner likes tea.");

        Assert.Equal(ServerVerb.FailedExitCode, exit);
        Assert.Contains(ApiScopes.MemoryWrite, _error.ToString());
        Assert.Equal(0, (await Memory.StatusAsync(Ct)).Stats.Total);
    }

    [Fact]
    public async Task UnreachableServer_Exit1WithOneLine()
    {
        using var http = new ServerConnection(new Uri("http://127.0.0.1:9/"), "tt_x").CreateClient();

        var exit = await RunAsync(http, "memory", "stats");

        Assert.Equal(ServerVerb.FailedExitCode, exit);
        Assert.StartsWith("Cannot reach the Timmy server at http://127.0.0.1:9/", Assert.Single(_error.ToString().Trim().Split('\n')));
    }

    private string[] Lines() => _output.ToString().Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    private async Task<int> RunAsync(params string[] arguments) =>
        await RunAsync(await _host.CreateOwnerClientAsync(ApiScopes.MemoryRead, ApiScopes.MemoryWrite), arguments);

    private Task<int> RunAsync(HttpClient http, params string[] arguments)
    {
        Assert.Equal(TimmyCommandLine.MemoryVerb, arguments[0]);
        return new MemoryCommand(http, _output, _error).RunAsync(arguments[1..], Ct);
    }
}
