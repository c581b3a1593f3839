using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Timmy.Core.Security;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Hosting;

/// <summary>While another connection holds SQLite's write lock, requests that must write answer 503 with
/// Retry-After (not 500), token requests that only read still work, and readiness says the database is busy.</summary>
public sealed class DatabaseBusyTests : IAsyncLifetime
{
    private readonly TimmyWebFactory _factory = new() { Settings = { ["Timmy:Storage:BusyTimeoutMs"] = "300" } };
    private HttpClient _client = default!;
    private SqliteConnection? _holder;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _client = await _factory.CreateOwnerClientAsync(ApiScopes.EventsWrite, ApiScopes.EventsRead);

    public async ValueTask DisposeAsync()
    {
        if (_holder is not null)
        {
            await _holder.DisposeAsync();
        }
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Post_WhileAnotherConnectionHoldsTheWriteLock_Is503WithRetryAfter_AndWorksOnceFreed()
    {
        await HoldWriteLockAsync();

        var single = await _client.PostAsJsonAsync("/api/v1/events", new { event_type = "system.info", source = "x" }, Ct);
        var batch = await _client.PostAsJsonAsync("/api/v1/events/batch", new { events = new[] { new { event_type = "system.info", source = "x" } } }, Ct);
        var read = await _client.GetAsync("/api/v1/events", Ct);

        foreach (var response in new[] { single, batch })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("Database busy", problem.GetProperty("title").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        await ReleaseWriteLockAsync();
        var after = await _client.PostAsJsonAsync("/api/v1/events", new { event_type = "system.info", source = "x" }, Ct);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    [Fact]
    public async Task Ready_WhileAnotherConnectionHoldsTheWriteLock_ReportsTheDatabaseBusy()
    {
        var anonymous = _factory.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready", Ct)).StatusCode);
        await HoldWriteLockAsync();

        var ready = await anonymous.GetAsync("/health/ready", Ct);
        var health = await anonymous.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.StartsWith("database busy", body.GetProperty("checks").GetProperty("database").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.StartsWith("database busy", (await health.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("database").GetString());
    }

    private async Task HoldWriteLockAsync()
    {
        _holder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_factory.DataDirectory, "swarm.db"), Pooling = false }.ToString());
        await _holder.OpenAsync(Ct);
        await using var begin = _holder.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE; INSERT INTO owner_credentials (id, password_hash, updated_at) VALUES (1, 'x', 'x') ON CONFLICT DO NOTHING;";
        await begin.ExecuteNonQueryAsync(Ct);
    }

    private async Task ReleaseWriteLockAsync()
    {
        await using var rollback = _holder!.CreateCommand();
        rollback.CommandText = "ROLLBACK";
        await rollback.ExecuteNonQueryAsync(Ct);
    }
}
