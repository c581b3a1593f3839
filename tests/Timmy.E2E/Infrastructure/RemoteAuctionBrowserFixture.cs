namespace Timmy.E2E.Infrastructure;

/// <summary>The browser fixture with auctions long enough to watch: an auction that waits for a remote agent stays open
/// (its countdown ticking on the page) until the agent answers or <see cref="AuctionSeconds"/> run out.</summary>
public sealed class RemoteAuctionBrowserFixture : BrowserFixture
{
    public const int AuctionSeconds = 20;

    protected override IReadOnlyDictionary<string, string> ServerSettings { get; } = new Dictionary<string, string>
    {
        ["Timmy__Swarm__AuctionSeconds"] = AuctionSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Timmy__Router__Retries"] = "0",
    };
}
