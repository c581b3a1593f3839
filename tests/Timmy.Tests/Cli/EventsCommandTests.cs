using System.Text;
using System.Text.Json;
using Dapper;
using Timmy.Core.Events;
using Timmy.Tests.Infrastructure;
using Timmy.Web.Cli;

namespace Timmy.Tests.Cli;

/// <summary><c>timmy events verify</c> on a real database and on an export file: the exit code says intact or not.</summary>
public sealed class EventsCommandTests : IAsyncLifetime
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private TestDatabase _db = default!;
    private SqliteEventStore _store = default!;
    private EventReader _reader = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _store = new SqliteEventStore(_db.Connections);
        _reader = new EventReader(_store, TimeProvider.System);
        for (var i = 0; i < 3; i++)
        {
            await _db.Events.LogAsync(EventType.SystemInfo, "cli", data: new { n = i }, cancellationToken: Ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Verify_AnIntactLog_Exits0()
    {
        Assert.Equal(0, await RunAsync("verify"));
        Assert.Contains("Chain intact: 3 events", _output.ToString());
    }

    [Fact]
    public async Task Verify_AnEditedLog_Exits1_NamingTheEvent()
    {
        await using (var connection = await _db.Connections.OpenAsync(Ct))
        {
            await connection.ExecuteAsync("UPDATE event_log SET data = '{\"n\":9}' WHERE id = 2");
        }

        Assert.Equal(EventsCommand.BrokenExitCode, await RunAsync("verify"));
        Assert.Contains("Chain broken at #2", _error.ToString());
    }

    [Fact]
    public async Task Verify_AnExportFile_Exits0_AndAnEditedOne_Exits1()
    {
        var lines = new StringBuilder();
        await foreach (var e in _store.ExportAsync(new EventQuery(), Ct))
        {
            lines.AppendLine(JsonSerializer.Serialize(e, EventJson.Options));
        }
        var path = Path.Combine(_db.Directory, "export.jsonl");
        await File.WriteAllTextAsync(path, lines.ToString(), Ct);
        Assert.Equal(0, await RunAsync("verify", "--file", path));

        await File.WriteAllTextAsync(path, lines.ToString().Replace("\"n\":1", "\"n\":5"), Ct);
        Assert.Equal(EventsCommand.BrokenExitCode, await RunAsync("verify", "--file", path));
        Assert.Contains("Chain broken at #2", _error.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("check")]
    [InlineData("verify", "--file")]
    public async Task AWrongUse_Exits2(params string[] arguments)
    {
        Assert.Equal(EventsCommand.UsageExitCode, await RunAsync(arguments));
        Assert.Contains("Usage: timmy events verify", _error.ToString());
    }

    private Task<int> RunAsync(params string[] arguments) => EventsCommand.RunAsync(_reader, arguments, _output, _error);
}
