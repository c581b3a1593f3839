using Microsoft.Playwright;
using Timmy.E2E.Infrastructure;

namespace Timmy.E2E;

public sealed class TokenFlowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CreateToken_UseItForTheApi_ThenRevoke_RefusesIt()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/settings/tokens");

        await page.GetByLabel("Name").FillAsync("backup script");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("at least one scope");
        await Assertions.Expect(page.GetByLabel("Name")).ToHaveValueAsync("backup script");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "events:read" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var secret = await page.Locator("[data-new-token]").InnerTextAsync();
        Assert.StartsWith("tt_", secret);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "token-created");

        await using var api = await fixture.NewAnonymousContextAsync();
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + secret };
        Assert.Equal(200, (await api.APIRequest.GetAsync("/api/v1/events", new() { Headers = headers })).Status);
        Assert.Equal(403, (await api.APIRequest.PostAsync("/api/v1/events", new() { Headers = headers, DataObject = new { event_type = "system.info", source = "x" } })).Status);

        string? asked = null;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync();
        };
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke backup script" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Token revoked");
        Assert.Equal(401, (await api.APIRequest.GetAsync("/api/v1/events", new() { Headers = headers })).Status);
        Assert.Contains("Revoke “backup script”?", asked);
    }
}
