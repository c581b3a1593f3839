using System.Net;
using Timmy.Core.Router.Status;
using Timmy.Tests.Infrastructure;
using Timmy.Web.Components.Router;

namespace Timmy.Tests.Router;

public sealed class RouterPreferredTests
{
    private static readonly RouterStatus NoProviders = new(DateTimeOffset.UnixEpoch, null, []);

    [Fact]
    public async Task Render_OnThePage_IsWhereTheFragmentGoes()
    {
        var html = WebUtility.HtmlDecode(await ComponentHtml.RenderAsync<RouterPreferred>(new Dictionary<string, object?> { ["Status"] = NoProviders }));

        Assert.StartsWith("<div data-swap-target=\"router-preferred\">", html);
        Assert.Contains("<p class=\"router-preferred\" data-field=\"preferred\">none</p>", html);
        Assert.Contains("<p class=\"muted\" data-field=\"summary\">0 of 0 providers available · 0 circuits open</p>", html);
    }

    [Fact]
    public async Task Render_AsFragment_NamesWhereItGoes()
    {
        var html = await ComponentHtml.RenderAsync<RouterPreferred>(new Dictionary<string, object?> { ["Status"] = NoProviders, ["IsFragment"] = true });

        Assert.StartsWith("<div data-swap=\"router-preferred\">", html);
    }
}
