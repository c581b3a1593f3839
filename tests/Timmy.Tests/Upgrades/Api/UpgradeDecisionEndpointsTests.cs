using System.Net;
using System.Net.Http.Json;
using Timmy.Core.Security;
using Timmy.Core.Upgrades;
using Timmy.Tests.Swarm;
using Timmy.Tests.Upgrades.Fakes;

namespace Timmy.Tests.Upgrades.Api;

/// <summary>The owner's decisions over HTTP: approving needs the second factor (and the approve scope) and leads to the
/// apply; rejecting deletes the branch; apply and rollback follow the state machine; the self-modify loop's start
/// answers 503 while it is off.</summary>
public sealed class UpgradeDecisionEndpointsTests : IAsyncLifetime
{
    private readonly UpgradeTestHost _host = new();
    private HttpClient _owner = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _owner = await _host.Factory.CreateOwnerClientAsync(ApiScopes.UpgradesRead, ApiScopes.UpgradesApprove);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<HttpResponseMessage> ApproveAsync(string id, object body, HttpClient? client = null) =>
        (client ?? _owner).PostAsJsonAsync($"/api/v1/upgrades/{id}/approve", body, Ct);

    [Fact]
    public async Task Approve_NeedsTheSecondFactor_ThenApplies_AndRollsBack()
    {
        var upgrade = await _host.ProposeAsync("docs/notes.md", "# Notes\n\nApproved with the PIN.\n");
        var before = _host.Repo.Head(TempGitRepository.Branch);

        using var without = await ApproveAsync(upgrade.Id, new { });
        using var wrong = await ApproveAsync(upgrade.Id, new { second_factor = "1111" });
        using var otherDiff = await ApproveAsync(upgrade.Id, new { second_factor = UpgradeTestHost.Pin, diff_sha256 = new string('0', 64) });
        var stillProposed = await _owner.GetJsonAsync($"/api/v1/upgrades/{upgrade.Id}");
        using var approved = await ApproveAsync(upgrade.Id, new { second_factor = UpgradeTestHost.Pin, diff_sha256 = upgrade.DiffSha256 });

        Assert.Contains("password or the approval PIN", (await without.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        await wrong.AssertProblemAsync(HttpStatusCode.Forbidden);
        await otherDiff.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("proposed", stillProposed.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", (await approved.BodyAsync()).GetProperty("status").GetString());

        var applied = await _host.WaitForStatusAsync(_owner, upgrade.Id, UpgradeStatus.Applied);
        Assert.NotEqual(before, _host.Repo.Head(TempGitRepository.Branch));
        Assert.Equal(applied.GetProperty("applied_commit").GetString(), _host.Repo.Head(TempGitRepository.Branch));
        Assert.Contains("Approved with the PIN.", _host.Repo.Git("show", $"{TempGitRepository.Branch}:docs/notes.md"));

        using var rolledBack = await _owner.PostAsync($"/api/v1/upgrades/{upgrade.Id}/rollback", null, Ct);
        Assert.Equal(HttpStatusCode.OK, rolledBack.StatusCode);
        Assert.Equal("rolled_back", (await rolledBack.BodyAsync()).GetProperty("status").GetString());
        Assert.DoesNotContain("Approved with the PIN.", _host.Repo.Git("show", $"{TempGitRepository.Branch}:docs/notes.md"));
    }

    [Fact]
    public async Task A_ReadOnlyToken_CannotApprove()
    {
        var upgrade = await _host.ProposeAsync();
        var reader = await _host.Factory.CreateOwnerClientAsync(ApiScopes.UpgradesRead);

        using var response = await ApproveAsync(upgrade.Id, new { second_factor = UpgradeTestHost.Pin }, reader);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(ApiScopes.UpgradesApprove, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("proposed", (await _owner.GetJsonAsync($"/api/v1/upgrades/{upgrade.Id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reject_WithAReason_OrWithoutABody_DeletesTheBranch()
    {
        var first = await _host.ProposeAsync();
        var second = await _host.ProposeAsync("src/extra.sh", "echo extra\n");

        using var withReason = await _owner.PostAsJsonAsync($"/api/v1/upgrades/{first.Id}/reject", new { reason = "Not this way." }, Ct);
        using var bodyless = await _owner.PostAsync($"/api/v1/upgrades/{second.Id}/reject", null, Ct);
        using var again = await _owner.PostAsJsonAsync($"/api/v1/upgrades/{first.Id}/reject", new { }, Ct);
        using var approveRejected = await ApproveAsync(first.Id, new { second_factor = UpgradeTestHost.Pin });

        Assert.Equal(HttpStatusCode.OK, withReason.StatusCode);
        var rejected = await withReason.BodyAsync();
        Assert.Equal(("rejected", "Not this way."), (rejected.GetProperty("status").GetString(), rejected.GetProperty("error_message").GetString()));
        Assert.Equal(HttpStatusCode.OK, bodyless.StatusCode);
        Assert.False(_host.Repo.HasBranch(first.BranchName));
        Assert.False(_host.Repo.HasBranch(second.BranchName));
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        await approveRejected.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, (await _owner.GetJsonAsync("/api/v1/upgrades/pending-count")).GetProperty("pending").GetInt32());
    }

    [Fact]
    public async Task Apply_AndRollback_OfAProposal_AreConflicts()
    {
        var upgrade = await _host.ProposeAsync();

        using var apply = await _owner.PostAsync($"/api/v1/upgrades/{upgrade.Id}/apply", null, Ct);
        using var rollback = await _owner.PostAsync($"/api/v1/upgrades/{upgrade.Id}/rollback", null, Ct);

        await apply.AssertProblemAsync(HttpStatusCode.Conflict);
        await rollback.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("reject")]
    [InlineData("apply")]
    [InlineData("rollback")]
    public async Task Decisions_OnAnUnknownUpgrade_Are404(string action)
    {
        using var response = await _owner.PostAsJsonAsync($"/api/v1/upgrades/01NOSUCHUPGRADE/{action}", new { second_factor = UpgradeTestHost.Pin }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_Bodies_AreRefused_NamingTheField()
    {
        var upgrade = await _host.ProposeAsync();

        using var longFactor = await ApproveAsync(upgrade.Id, new { second_factor = new string('x', 1_025) });
        using var badSha = await ApproveAsync(upgrade.Id, new { second_factor = UpgradeTestHost.Pin, diff_sha256 = "abc" });
        using var longReason = await _owner.PostAsJsonAsync($"/api/v1/upgrades/{upgrade.Id}/reject", new { reason = new string('r', 2_001) }, Ct);

        await longFactor.AssertFieldRefusedAsync("second_factor");
        await badSha.AssertFieldRefusedAsync("diff_sha256");
        await longReason.AssertFieldRefusedAsync("reason");
        Assert.Equal("proposed", (await _owner.GetJsonAsync($"/api/v1/upgrades/{upgrade.Id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task SelfModify_WhileOff_Is503_WithAClearMessage()
    {
        using var response = await _owner.PostAsJsonAsync("/api/v1/self-modify/runs",
            new { instruction = "Add a subtract function to calc.sh", target_files = new[] { "src/calc.sh" }, dry_run = false }, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Self-modify is off", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("""{"target_files":["src/calc.sh"]}""", "instruction")]
    [InlineData("""{"instruction":"   "}""", "instruction")]
    [InlineData("""{"instruction":"x","target_files":[""]}""", "target_files")]
    public async Task SelfModify_BadBodies_AreRefused_NamingTheField(string json, string field)
    {
        using var response = await _owner.PostJsonAsync("/api/v1/self-modify/runs", json);

        await response.AssertFieldRefusedAsync(field);
    }

    [Fact]
    public async Task SelfModify_TooLongAnInstruction_OrTooManyFiles_AreRefused()
    {
        using var longInstruction = await _owner.PostAsJsonAsync("/api/v1/self-modify/runs",
            new { instruction = new string('i', Core.SelfModify.SelfModifyRequest.MaxInstructionLength + 1) }, Ct);
        using var manyFiles = await _owner.PostAsJsonAsync("/api/v1/self-modify/runs",
            new { instruction = "x", target_files = Enumerable.Range(0, Core.SelfModify.SelfModifyRequest.MaxTargetFiles + 1).Select(i => $"src/f{i}.sh") }, Ct);

        await longInstruction.AssertFieldRefusedAsync("instruction");
        await manyFiles.AssertFieldRefusedAsync("target_files");
    }
}
