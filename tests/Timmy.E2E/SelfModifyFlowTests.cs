using System.Text.Json;
using Microsoft.Playwright;
using Timmy.E2E.Infrastructure;
using Timmy.Tests.Router.Fakes;
using Timmy.Tests.Upgrades.Fakes;

namespace Timmy.E2E;

/// <summary>The self-modify loop from the owner's side: an instruction typed on the queue page, the run's steps followed
/// live while the (loopback) model answers and the throwaway repository's tests run, and the proposal it makes arriving
/// in the waiting list with the navigation's count, without a reload.</summary>
public sealed class SelfModifyFlowTests(UpgradeBrowserFixture fixture) : IClassFixture<UpgradeBrowserFixture>
{
    [Fact]
    public async Task Instruction_IsFollowedLiveUntilItsProposalWaitsInTheQueue()
    {
        var calc = TempGitRepository.Calc.Replace("greet()", "sub() { echo $(($1 - $2)); }\ngreet()");
        fixture.Ollama.Enqueue(FakeReply.Held(JsonSerializer.Serialize(new
        {
            summary = "Add a sub command.",
            files = new[] { new { path = "src/calc.sh", content = calc } },
        })));
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 800);

        await page.GotoAsync("/self-modify/queue");
        await Assertions.Expect(page.Locator("nav.nav [data-upgrades-badge]")).ToHaveCountAsync(0);
        await page.GetByLabel("What should change?").FillAsync("Add a sub command to calc.sh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask Timmy" }).ClickAsync();
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        var run = page.Locator("[data-run-view]");
        await Assertions.Expect(run.Locator("[data-run-steps]")).ToContainTextAsync("asking the model", new() { Timeout = 30_000 });
        fixture.Ollama.ReleaseHeld.TrySetResult();
        await Assertions.Expect(run.Locator("[data-run-status]")).ToHaveAttributeAsync("data-run-status", "proposed", new() { Timeout = 60_000 });
        await Assertions.Expect(run.Locator("[data-run-steps]")).ToContainTextAsync("Tests passed: 2 passed, 0 failed");
        await Assertions.Expect(page.Locator("[data-upgrade-item]").First).ToContainTextAsync("Add a sub command.");
        await Assertions.Expect(page.Locator("nav.nav [data-upgrades-badge]")).ToHaveTextAsync("1");
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await BrowserFixture.ScreenshotAsync(page, "self-modify-run-1280");

        await run.Locator("[data-run-upgrade]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-diff-file='src/calc.sh']")).ToContainTextAsync("sub()");
        Assert.DoesNotContain("sub()", fixture.Repository.Git("show", TempGitRepository.Branch + ":src/calc.sh"));
    }
}
