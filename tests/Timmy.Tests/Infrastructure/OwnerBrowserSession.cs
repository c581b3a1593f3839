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
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path) =>
        TokenIn(await client.GetStringAsync(path), path);

    /// <summary>Submits the server-rendered form named <paramref name="formName"/> on the page at
    /// <paramref name="path"/> as a browser would: loads the page for its antiforgery field and cookie, then
    /// posts the fields to the same address with the form's handler name.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string path, string formName, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken) =>
        PostFromPageAsync(client, path, path, fields.Append(new("_handler", formName)), cancellationToken);

    /// <summary>Submits a plain form of the page at <paramref name="path"/> to its <paramref name="action"/> as a browser
    /// would: loads the page for its antiforgery field and cookie, then posts the fields there.</summary>
    public static async Task<HttpResponseMessage> PostFromPageAsync(
        HttpClient client, string path, string action, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        using var page = await client.GetAsync(path, cancellationToken);
        var token = TokenIn(await page.Content.ReadAsStringAsync(cancellationToken), path);
        var cookies = client.DefaultRequestHeaders.TryGetValues("Cookie", out var owner) ? owner.ToList() : [];
        if (page.Headers.TryGetValues("Set-Cookie", out var set))
        {
            cookies.AddRange(set.Select(c => c.Split(';')[0]));
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, action)
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
        };
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        return await client.SendAsync(request, cancellationToken);
    }

    private static string TokenIn(string html, string path) =>
        AntiforgeryField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token on " + path);

    /// <summary>Submits the server-rendered form named <paramref name="formName"/> on <paramref name="path"/>
    /// as the signed-in owner's browser would: the page is read for its antiforgery token and cookie first.
    /// Redirects are not followed.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(TimmyWebFactory factory, string path, string formName, CancellationToken cancellationToken)
    {
        await SignInAsync(factory);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var get = new HttpRequestMessage(HttpMethod.Get, path);
        get.Headers.Add("Cookie", factory.OwnerCookie);
        var page = await client.SendAsync(get, cancellationToken);
        var token = AntiforgeryField().Match(await page.Content.ReadAsStringAsync(cancellationToken)).Groups[1].Value;
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("timmy.csrf=", StringComparison.Ordinal));
        using var post = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = formName,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        post.Headers.Add("Cookie", factory.OwnerCookie + "; " + antiforgeryCookie);
        return await client.SendAsync(post, cancellationToken);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
