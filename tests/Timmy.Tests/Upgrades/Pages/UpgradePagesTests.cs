using System.Net;
using Timmy.Core.Upgrades;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Upgrades.Fakes;
using Timmy.Web.Components.Upgrades;

namespace Timmy.Tests.Upgrades.Pages;

/// <summary>/self-modify/queue and /self-modify/queue/{id} over the real host and a throwaway repository: what they show,
/// the approve/reject/rollback forms (second factor, post-redirect-get), the live fragments, and the navigation's count.</summary>
public sealed class UpgradePagesTests : IAsyncLifetime
{
    private const string Pin = "4321";
    private readonly TempGitRepository _repository = TempGitRepository.Create();
    private readonly TimmyWebFactory _factory = new();
    private HttpClient _browser = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private UpgradeService Upgrades => _factory.Service<UpgradeService>();

    public async ValueTask InitializeAsync()
    {
        _factory.Settings["Timmy:Upgrades:Repository"] = _repository.Path;
        _factory.Settings["Timmy:Upgrades:TestCommand"] = TempGitRepository.TestCommand;
        _factory.Settings["Timmy:Upgrades:WorktreeDirectory"] = _repository.WorktreeDirectory;
        _factory.Settings["Timmy:Upgrades:ApprovalPin"] = Pin;
        _browser = await OwnerBrowserSession.SignInAsync(_factory);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _repository.Dispose();
    }

    [Fact]
    public async Task QueuePage_Empty_SaysWhatToDo()
    {
        var html = WebUtility.HtmlDecode(await _browser.GetStringAsync(UpgradeFormat.Path, Ct));

        Assert.Matches("<h1[^>]*>Upgrades</h1>", html);
        Assert.Contains("No proposals waiting.", html);
        Assert.Contains("Ask Timmy to change itself below", html);
        Assert.Contains("Nothing is being applied.", html);
        Assert.Contains("No decisions yet", html);
        Assert.Contains("data-self-modify-unavailable", html);
        Assert.Contains("data-ask-form", html);
        Assert.DoesNotContain("data-upgrades-badge", html);
    }

    [Fact]
    public async Task QueuePage_WithProposal_ListsItWithTestsSizeAndForms()
    {
        var upgrade = await TestProposals.ProposeAsync(Upgrades, _repository, "timmy/double", "Add a double function", cancellationToken: Ct);

        var html = WebUtility.HtmlDecode(await _browser.GetStringAsync(UpgradeFormat.Path, Ct));

        Assert.Contains($"data-upgrade-item=\"{upgrade.Id}\"", html);
        Assert.Contains(">Add a double function</a>", html);
        Assert.Contains("2 passed, 0 failed", html);
        Assert.Contains("data-tests=\"passed\"", html);
        Assert.Contains("<code class=\"branch\"", html);
        Assert.Contains("src/calc.sh", html);
        Assert.Contains("docs/notes.md", html);
        Assert.Contains($"value=\"{upgrade.DiffSha256}\"", html);
        Assert.Contains($"action=\"/self-modify/queue/{upgrade.Id}/approve\"", html);
        Assert.Contains($"action=\"/self-modify/queue/{upgrade.Id}/reject\"", html);
        Assert.Matches("data-upgrades-badge[^>]*>1<", html);
    }

    [Fact]
    public async Task UpgradePage_ShowsFactsTestOutputAndTheDiffBothWays()
    {
        var upgrade = await TestProposals.ProposeAsync(Upgrades, _repository, "timmy/double", "Add a double function", testsPassed: false, cancellationToken: Ct);

        var unified = WebUtility.HtmlDecode(await _browser.GetStringAsync(UpgradeFormat.Url(upgrade.Id), Ct));
        var split = WebUtility.HtmlDecode(await _browser.GetStringAsync(UpgradeFormat.Url(upgrade.Id) + "?view=split", Ct));

        Assert.Matches("data-upgrade-title[^>]*>Add a double function<", unified);
        Assert.Contains(UpgradeFormat.Short(upgrade.BaseCommit), unified);
        Assert.Contains(upgrade.DiffSha256, unified);
        Assert.Contains("1 passed, 1 failed", unified);
        Assert.Contains("FAIL add: expected '5', got '6'", unified);
        Assert.Contains("data-diff-file=\"src/calc.sh\"", unified);
        Assert.Contains("data-diff-file=\"docs/notes.md\"", unified);
        Assert.Contains("<tr data-kind=\"added\"", unified);
        Assert.Contains("<span class=\"tok-com", unified);
        Assert.Contains("data-change=\"inserted\"", split);
        Assert.Contains("class=\"diff-table split\"", split);
        Assert.Contains($"action=\"/self-modify/queue/{upgrade.Id}/approve\"", unified);
    }

    [Theory]
    [InlineData("/self-modify/queue/no-such-upgrade")]
    [InlineData("/self-modify/fragments/upgrade?id=no-such-upgrade")]
    public async Task UnknownUpgrade_Is404(string path)
    {
        var response = await _browser.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Fragments_DrawTheLiveParts()
    {
        var upgrade = await TestProposals.ProposeAsync(Upgrades, _repository, "timmy/double", "Add a double function", cancellationToken: Ct);

        var queue = await _browser.GetStringAsync("/self-modify/fragments/queue", Ct);
        var facts = await _browser.GetStringAsync("/self-modify/fragments/upgrade?id=" + upgrade.Id, Ct);
        var badge = await _browser.GetStringAsync("/self-modify/fragments/badge", Ct);
        var run = await _browser.GetStringAsync("/self-modify/fragments/run?run=nothing", Ct);

        Assert.Contains("data-swap=\"pending\"", queue);
        Assert.Contains("data-swap=\"applying\"", queue);
        Assert.Contains("data-swap=\"history\"", queue);
        Assert.Contains($"data-upgrade-item=\"{upgrade.Id}\"", queue);
        Assert.Contains("__RequestVerificationToken", queue);
        Assert.Contains("data-swap=\"facts\"", facts);
        Assert.Contains("__RequestVerificationToken", facts);
        Assert.Matches("data-swap=\"nav-upgrades\"[\\s\\S]*data-upgrades-badge[^>]*>1<", badge);
        Assert.Contains("data-swap=\"run\"", run);
    }

    [Fact]
    public async Task Approve_WrongPin_SaysSoAndChangesNothing()
    {
        var upgrade = await TestProposals.ProposeAsync(Upgrades, _repository, "timmy/double", "Add a double function", cancellationToken: Ct);

        var response = await PostActionAsync(upgrade.Id, UpgradeFormEndpoints.Approve, ("second_factor", "0000"), ("diff_sha256", upgrade.DiffSha256));
        var page = WebUtility.HtmlDecode(await _browser.GetStringAsync(response.Headers.Location!.OriginalString, Ct));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/self-modify/queue?notice=wrong-second-factor", response.Headers.Location.OriginalString);
        Assert.Contains("Not approved: that is not the owner password nor the approval PIN", page);
        Assert.Equal(UpgradeStatus.Proposed, (await Upgrades.GetAsync(upgrade.Id, Ct)).Status);
    }

    [Fact]
    public async Task Approve_RightPin_AppliesItAndClearsTheBadge()
    {
        var upgrade = await TestProposals.ProposeAsync(Upgrades, _repository, "timmy/double", "Add a double function", cancellationToken: Ct);

        var response = await PostActionAsync(upgrade.Id, UpgradeFormEndpoints.Approve, ("second_factor", Pin), ("diff_sha256", upgrade.DiffSha256),
            ("back", UpgradeFormEndpoints.BackToUpgrade));

        Assert.Equal($"/self-modify/queue/{upgrade.Id}?notice=approved", response.Headers.Location!.OriginalString);
        await Eventually.TrueAsync(async () => (await Upgrades.GetAsync(upgrade.Id, Ct)).Status == UpgradeStatus.Applied, "the upgrade is applied",
            TimeSpan.FromSeconds(60));
        var html = WebUtility.HtmlDecode(await _browser.GetStringAsync(UpgradeFormat.Path, Ct));
        Assert.Contains("data-history-status=\"applied\"", html);
        Assert.Contains($"data-upgrade-action=\"rollback\" data-upgrade=\"{upgrade.Id}\"", html);
        Assert.DoesNotContain("data-upgrades-badge", html);
    }

    [Fact]
    public async Task Reject_MovesItToTheHistoryWithTheReason()
    {
        var upgrade = await TestProposals.ProposeAsync(Upgrades, _repository, "timmy/double", "Add a double function", cancellationToken: Ct);

        var response = await PostActionAsync(upgrade.Id, UpgradeFormEndpoints.Reject, ("reason", "Not now"));
        var html = WebUtility.HtmlDecode(await _browser.GetStringAsync(response.Headers.Location!.OriginalString, Ct));

        Assert.Contains("Rejected: the proposal's branch and worktree were deleted", html);
        Assert.Contains("data-history-status=\"rejected\"", html);
        Assert.Contains("data-upgrade-error>Why: Not now<", html);
        Assert.Contains("No proposals waiting.", html);
        Assert.False(_repository.HasBranch("timmy/double"));
    }

    [Fact]
    public async Task Action_OnAnUnknownUpgrade_SaysItIsGone()
    {
        var response = await PostActionAsync("no-such-upgrade", UpgradeFormEndpoints.Reject, ("back", UpgradeFormEndpoints.BackToUpgrade));

        Assert.Equal("/self-modify/queue?notice=gone", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Action_WithoutAntiforgery_IsRefused()
    {
        var upgrade = await TestProposals.ProposeAsync(Upgrades, _repository, "timmy/double", "Add a double function", cancellationToken: Ct);

        var response = await _browser.PostAsync($"/self-modify/queue/{upgrade.Id}/reject", new FormUrlEncodedContent([new("reason", "x")]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(UpgradeStatus.Proposed, (await Upgrades.GetAsync(upgrade.Id, Ct)).Status);
    }

    [Fact]
    public async Task AskForm_WhileTheLoopIsOff_ShowsWhyBesideTheForm()
    {
        var response = await OwnerBrowserSession.PostFormAsync(_browser, UpgradeFormat.Path, "self-modify", [new("instruction", "Add a double function")], Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-ask-error>[^<]+<", html);
        Assert.Contains(">Add a double function</textarea>", html);
    }

    /// <summary>Posts an upgrade's action form as the browser would, from the queue page.</summary>
    private Task<HttpResponseMessage> PostActionAsync(string id, string action, params (string Key, string Value)[] fields) =>
        OwnerBrowserSession.PostFromPageAsync(_browser, UpgradeFormat.Path, $"/self-modify/queue/{id}/{action}",
            fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)), Ct);
}
