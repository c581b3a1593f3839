using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Timmy.Core.Security;

namespace Timmy.Tests.Infrastructure;

/// <summary>An HttpClient that behaves like the owner's browser: cookies kept, redirects not followed,
/// signed in through the one-time start-up link.</summary>
public static partial class OwnerBrowserSession
{
    /// <remarks>The link works once per server, so the first sign-in's cookie is kept on the factory and
    /// later sessions reuse it.</remarks>
    public static async Task<HttpClient> SignInAsync(TimmyWebFactory factory)
    {
        await factory.SignInLock.WaitAsync();
        try
        {
            if (factory.OwnerCookie is null)
            {
                var first = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
                var response = await first.GetAsync("/auth/start?token=" + factory.Service<StartupSignInLink>().Token);
                if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
                {
                    throw new InvalidOperationException("Start-up link sign-in failed: " + response.StatusCode);
                }
                factory.OwnerCookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
            }
        }
        finally
        {
            factory.SignInLock.Release();
        }
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", factory.OwnerCookie);
        return client;
    }

    /// <summary>The antiforgery field of the first form on <paramref name="path"/>.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return AntiforgeryField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token on " + path);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
