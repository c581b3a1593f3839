using Microsoft.Playwright;
using Timmy.E2E.Infrastructure;

namespace Timmy.E2E;

public sealed class SignInFlowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public void StartupLink_SignsInAndLandsOnMissionControl()
    {
        Assert.Equal("Mission Control", fixture.LandingHeading);
    }

    [Fact]
    public async Task StartupLink_SecondUse_IsRefused()
    {
        await using var context = await fixture.NewAnonymousContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(fixture.Server.SignInLink);

        Assert.Contains("/login", page.Url);
        Assert.Contains("already been used", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
    }

    [Fact]
    public async Task Password_WrongThenRight_ShowsErrorThenSignsIn()
    {
        await using var context = await fixture.NewAnonymousContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/swarm/events");
        Assert.Contains("/login", page.Url);
        await page.GetByLabel("Owner password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Equal("That password is not right.", await page.GetByRole(AriaRole.Alert).InnerTextAsync());

        await page.GetByLabel("Owner password").FillAsync(TimmyServer.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/swarm/events");
        Assert.Equal("Event log", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "login-then-events");
    }

    [Fact]
    public async Task SignOut_ReturnsToLogin_AndPagesAskForSignInAgain()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await page.WaitForURLAsync("**/login?signedOut=1");
        await page.GotoAsync("/swarm/live");
        Assert.Contains("/login", page.Url);
    }
}
