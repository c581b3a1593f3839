using Timmy.Core.Security;
using Timmy.Web.Hosting;

namespace Timmy.Web.Cli;

/// <summary>Where the running server is and the API token to call it with: <c>--url</c>, else <c>TIMMY_URL</c>, else
/// the server's default address; the token only from <c>TIMMY_TOKEN</c> (a token on the command line would show in the
/// process list).</summary>
public sealed record ServerConnection(Uri BaseAddress, string Token)
{
    public const string UrlVariable = "TIMMY_URL";
    public const string TokenVariable = "TIMMY_TOKEN";

    /// <summary>The connection, or a one-line message saying what to set.</summary>
    public static (ServerConnection? Connection, string? Error) From(string? urlOption, Func<string, string?> environment)
    {
        var url = urlOption ?? environment(UrlVariable);
        url = string.IsNullOrWhiteSpace(url) ? TimmyHostDefaults.DefaultUrl : url.Trim();
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            return (null, $"'{url}' is not an http(s) address; pass --url http://127.0.0.1:8000 or set {UrlVariable}.");
        }
        var token = environment(TokenVariable)?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            return (null, $"{TokenVariable} is not set: create an API token with the scopes the verb needs (task, agents: {ApiScopes.SwarmRead} " +
                $"and {ApiScopes.SwarmWrite}; memory: {ApiScopes.MemoryRead} and {ApiScopes.MemoryWrite}; ln: {ApiScopes.LightningRead} and " +
                $"{ApiScopes.LightningPay}; upgrades, self-modify: {ApiScopes.UpgradesRead} and {ApiScopes.UpgradesApprove}) (dashboard: /settings/tokens) " +
                $"and export {TokenVariable}=tt_…");
        }
        return (new ServerConnection(address, token), null);
    }

    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        return client;
    }
}
