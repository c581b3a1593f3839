namespace Timmy.E2E.Infrastructure;

/// <summary>The browser fixture with auctions that stay open a moment (so a page shows them open and their bids
/// arriving) and no retries, so a failure the fake Ollama answers fails the task at once.</summary>
public sealed class SwarmBrowserFixture : BrowserFixture
{
    protected override IReadOnlyDictionary<string, string> ServerSettings { get; } = new Dictionary<string, string>
    {
        ["Timmy__Swarm__AuctionSeconds"] = "2",
        ["Timmy__Router__Retries"] = "0",
    };
}
