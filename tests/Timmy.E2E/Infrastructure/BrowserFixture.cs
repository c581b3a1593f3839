using Microsoft.Playwright;
using Timmy.Tests.Router.Fakes;

namespace Timmy.E2E.Infrastructure;

/// <summary>One server and one Debian chromium for a test class. The owner signs in once through the
/// start-up link; each test gets a fresh browser context carrying that session. The server's Ollama
/// provider is a loopback fake the test scripts (<see cref="Ollama"/>); a subclass may add settings
/// (<see cref="ServerSettings"/>).</summary>
public class BrowserFixture : IAsyncLifetime
{
    public static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

    private IPlaywright? _playwright;
    private string? _ownerState;

    public FakeOllamaServer Ollama { get; private set; } = default!;
    public TimmyServer Server { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The page the start-up link landed on, as text, for the sign-in test.</summary>
    public string LandingHeading { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        // The whole suite runs at once on small machines (both test projects in parallel): allow the
        // server more than Playwright's default 5 s to show what a test waits for.
        Assertions.SetDefaultExpectTimeout(15_000);
        Ollama = await FakeOllamaServer.StartNewAsync();
        Server = await TimmyServer.StartAsync(new Dictionary<string, string>(ServerSettings) { ["OLLAMA_URL"] = Ollama.BaseUrl });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });

        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Server.SignInLink);
        LandingHeading = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync();
        _ownerState = await context.StorageStateAsync();
    }

    /// <summary>Environment for the server process, beyond the fake Ollama's URL.</summary>
    protected virtual IReadOnlyDictionary<string, string> ServerSettings { get; } = new Dictionary<string, string>();

    /// <summary>Console errors and page errors from every page opened through this fixture (CSP
    /// violations and script failures show up here).</summary>
    public List<string> ConsoleErrors { get; } = [];

    /// <param name="javaScript">False: a browser with scripts switched off, to see what a page is without them.</param>
    public async Task<IBrowserContext> NewOwnerContextAsync(bool javaScript = true) =>
        Watch(await Browser.NewContextAsync(new BrowserNewContextOptions { StorageState = _ownerState, BaseURL = Server.BaseUrl, JavaScriptEnabled = javaScript }));

    public async Task<IBrowserContext> NewAnonymousContextAsync() =>
        Watch(await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.BaseUrl }));

    private IBrowserContext Watch(IBrowserContext context)
    {
        context.Page += (_, page) =>
        {
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    lock (ConsoleErrors) { ConsoleErrors.Add($"{page.Url}: {message.Text}"); }
                }
            };
            page.PageError += (_, error) => { lock (ConsoleErrors) { ConsoleErrors.Add($"{page.Url}: {error}"); } };
        };
        return context;
    }

    /// <summary>Saves a screenshot beside the test output, for a person to look at: the whole page, or only what
    /// the window shows (a page with a long feed).</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
        if (Ollama is not null)
        {
            await Ollama.DisposeAsync();
        }
    }
}
