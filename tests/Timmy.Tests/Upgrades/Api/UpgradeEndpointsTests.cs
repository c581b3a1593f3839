using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Timmy.Core.Security;
using Timmy.Core.Upgrades;
using Timmy.Tests.Swarm;
using Timmy.Tests.Upgrades.Fakes;

namespace Timmy.Tests.Upgrades.Api;

/// <summary>The upgrade queue's reads over HTTP: the list with its filter and paging, one upgrade without its diff, the
/// diff as text, the pending count, and unknown ids and filters.</summary>
public sealed class UpgradeEndpointsTests : IAsyncLifetime
{
    private readonly UpgradeTestHost _host = new();
    private HttpClient _owner = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _owner = await _host.Factory.CreateOwnerClientAsync(ApiScopes.UpgradesRead);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task List_Get_Diff_AndPendingCount_ShowTheProposals()
    {
        var first = await _host.ProposeAsync();
        var second = await _host.ProposeAsync("src/extra.sh", "echo extra\n");

        var all = await _owner.GetJsonAsync("/api/v1/upgrades");
        var proposed = await _owner.GetJsonAsync("/api/v1/upgrades?status=proposed,applied");
        var applied = await _owner.GetJsonAsync("/api/v1/upgrades?status=applied");
        var page = await _owner.GetJsonAsync("/api/v1/upgrades?limit=1");
        var older = await _owner.GetJsonAsync($"/api/v1/upgrades?limit=1&before={page.GetProperty("next").GetString()}");
        var one = await _owner.GetJsonAsync($"/api/v1/upgrades/{second.Id}");
        var pending = await _owner.GetJsonAsync("/api/v1/upgrades/pending-count");
        using var diff = await _owner.GetAsync($"/api/v1/upgrades/{second.Id}/diff", Ct);

        Assert.Equal([second.Id, first.Id], all.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetString()));
        Assert.Equal(2, proposed.GetProperty("items").GetArrayLength());
        Assert.Empty(applied.GetProperty("items").EnumerateArray());
        Assert.Equal(second.Id, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(first.Id, Assert.Single(older.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("proposed", one.GetProperty("status").GetString());
        Assert.Equal(["src/extra.sh"], one.GetProperty("files_changed").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal((1, 0), (one.GetProperty("lines_added").GetInt32(), one.GetProperty("lines_removed").GetInt32()));
        Assert.True(one.GetProperty("test_results").GetProperty("passed").GetBoolean());
        Assert.Equal(2, one.GetProperty("test_results").GetProperty("tests_passed").GetInt32());
        Assert.Equal(second.DiffSha256, one.GetProperty("diff_sha256").GetString());
        Assert.False(one.TryGetProperty("diff", out _), "the full diff is served on its own");
        Assert.Equal(2, pending.GetProperty("pending").GetInt32());
        Assert.Equal(HttpStatusCode.OK, diff.StatusCode);
        Assert.Equal("text/x-diff", diff.Content.Headers.ContentType?.MediaType);
        var text = await diff.Content.ReadAsStringAsync(Ct);
        Assert.Contains("+echo extra", text);
        Assert.Equal(second.DiffSha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
        Assert.Equal($"\"{second.DiffSha256}\"", diff.Headers.ETag?.ToString());
    }

    [Theory]
    [InlineData("/api/v1/upgrades?status=merged", "status")]
    [InlineData("/api/v1/upgrades?status=proposed,nonsense", "status")]
    [InlineData("/api/v1/upgrades?limit=0", "limit")]
    [InlineData("/api/v1/upgrades?limit=100000", "limit")]
    public async Task Bad_Filters_AreRefused_NamingTheField(string path, string field)
    {
        using var response = await _owner.GetAsync(path, Ct);

        await response.AssertFieldRefusedAsync(field);
    }

    [Theory]
    [InlineData("/api/v1/upgrades/01NOSUCHUPGRADE")]
    [InlineData("/api/v1/upgrades/01NOSUCHUPGRADE/diff")]
    [InlineData("/api/v1/self-modify/runs/01NOSUCHRUN")]
    public async Task Unknown_Ids_Are404(string path)
    {
        using var response = await _owner.GetAsync(path, Ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_Token_WithoutTheReadScope_SeesNothing()
    {
        await _host.ProposeAsync();
        var other = await _host.Factory.CreateOwnerClientAsync(ApiScopes.SwarmRead);

        using var response = await other.GetAsync("/api/v1/upgrades", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task SelfModify_Status_AndRuns_SayWhetherTheLoopCanRun()
    {
        await _host.ProposeAsync();

        var status = await _owner.GetJsonAsync("/api/v1/self-modify/status");
        var runs = await _owner.GetJsonAsync("/api/v1/self-modify/runs");

        Assert.False(status.GetProperty("enabled").GetBoolean());
        Assert.False(string.IsNullOrEmpty(status.GetProperty("unavailable").GetString()));
        Assert.Equal(_host.Repo.Path, status.GetProperty("repository").GetString());
        Assert.Equal(TempGitRepository.Branch, status.GetProperty("target_branch").GetString());
        Assert.True(status.GetProperty("second_factor_available").GetBoolean());
        Assert.Equal(1, status.GetProperty("pending_upgrades").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, status.GetProperty("current").ValueKind);
        Assert.Empty(runs.EnumerateArray());
    }

    [Fact]
    public async Task The_Upgrade_Json_RoundTrips_IntoTheDto()
    {
        var proposed = await _host.ProposeAsync();

        var dto = await _owner.GetFromJsonAsync<Web.Api.Upgrades.UpgradeDto>($"/api/v1/upgrades/{proposed.Id}", Web.Cli.ApiAnswers.Json, Ct);

        Assert.Equal((proposed.Id, UpgradeStatus.Proposed, proposed.BranchName), (dto!.Id, dto.Status, dto.BranchName));
        Assert.Equal("2 passed, 0 failed", dto.TestResults!.Summary);
    }
}
