namespace Timmy.Core.Lightning.L402;

/// <summary>Settings of L402 paid access (section <c>Timmy:Lightning:L402</c>): which routes are priced and how,
/// how long a token and an invoice live, and how many challenges one client may ask for in a minute.</summary>
public sealed class L402Options
{
    public const string SectionName = "Timmy:Lightning:L402";

    public bool Enabled { get; set; } = true;

    /// <summary>The service name in the caveats (<c>services=timmy:standard</c>, <c>timmy_capabilities=…</c>).</summary>
    public string Service { get; set; } = "timmy";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan InvoiceExpiry { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Challenges (each one an invoice) per client address per minute; more are answered 429.</summary>
    public int ChallengesPerMinutePerClient { get; set; } = 10;

    /// <summary>The priced routes; when the section names none, <c>POST /api/v1/serve/chat</c> at 100 sats.</summary>
    public List<L402RouteOptions> Routes { get; set; } = [];

    public static L402RouteOptions DefaultRoute => new() { Method = "POST", Path = "/api/v1/serve/chat", PriceSats = 100 };

    /// <summary>The first priced route matching the request, or null (also when L402 is off).</summary>
    public L402RouteOptions? FindRoute(string method, string path) =>
        Enabled ? Routes.FirstOrDefault(r => r.Matches(method, path)) : null;
}
