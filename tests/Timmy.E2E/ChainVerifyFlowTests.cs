using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Timmy.E2E.Infrastructure;

namespace Timmy.E2E;

/// <summary>Someone relying on the event log as evidence: the log shows who posted each event, and one click checks
/// the hash chain, which names the event edited behind the server's back. Its own server: the test edits the database.</summary>
public sealed class ChainVerifyFlowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task VerifyChain_FromTheEventLog_SaysVerified_ThenBrokenAtAnEditedEvent()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var response = await context.APIRequest.PostAsync("/api/v1/events", new()
        {
            DataObject = new { event_type = "system.info", source = "evidence", data = new { amount = 10 } },
        });
        Assert.Equal(201, response.Status);
        var id = JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("id").GetInt64();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/swarm/events?source=evidence");
        await Assertions.Expect(page.Locator($"tr[data-event-id='{id}'] td[data-label='By']")).ToHaveTextAsync("owner");

        await page.GetByRole(AriaRole.Link, new() { Name = "Verify chain" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-chain-status='intact']")).ToContainTextAsync("Chain verified up to #");

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(fixture.Server.DataDirectory, "swarm.db")}"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var edit = connection.CreateCommand();
            edit.CommandText = $"UPDATE event_log SET data = '{{\"amount\":1000}}' WHERE id = {id}";
            Assert.Equal(1, await edit.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Verify again" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-chain-status='broken']")).ToContainTextAsync($"Chain broken at #{id}");
    }
}
