using Timmy.Web.Cli;

namespace Timmy.Tests.Cli;

/// <summary>Where the client verbs find the server and their token: <c>--url</c>, then <c>TIMMY_URL</c>, then the
/// default address; the token only from <c>TIMMY_TOKEN</c>.</summary>
public sealed class ServerConnectionTests
{
    [Fact]
    public void From_NothingButAToken_UsesTheDefaultAddress()
    {
        var (connection, error) = ServerConnection.From(null, Environment(token: "tt_abc"));

        Assert.Null(error);
        Assert.Equal(new Uri("http://127.0.0.1:8000/"), connection!.BaseAddress);
        Assert.Equal("tt_abc", connection.Token);
    }

    [Fact]
    public void From_UrlOption_WinsOverTheEnvironment()
    {
        var (connection, _) = ServerConnection.From("http://10.0.0.5:9000", Environment(url: "http://127.0.0.1:7000", token: "tt_abc"));

        Assert.Equal(new Uri("http://10.0.0.5:9000/"), connection!.BaseAddress);
    }

    [Fact]
    public void From_UrlVariable_IsUsedWithoutAnOption()
    {
        var (connection, _) = ServerConnection.From(null, Environment(url: "https://timmy.local/base", token: "tt_abc"));

        Assert.Equal(new Uri("https://timmy.local/base/"), connection!.BaseAddress);
    }

    [Fact]
    public void From_NoToken_SaysWhichVariableAndScopes()
    {
        var (connection, error) = ServerConnection.From(null, Environment());

        Assert.Null(connection);
        Assert.StartsWith("TIMMY_TOKEN is not set", error);
        Assert.Contains("swarm:write", error);
        Assert.Contains("memory:write", error);
    }

    [Theory]
    [InlineData("ftp://host")]
    [InlineData("not a url")]
    public void From_BadUrl_SaysSo(string url)
    {
        var (connection, error) = ServerConnection.From(url, Environment(token: "tt_abc"));

        Assert.Null(connection);
        Assert.Contains("is not an http(s) address", error);
    }

    private static Func<string, string?> Environment(string? url = null, string? token = null) => name => name switch
    {
        ServerConnection.UrlVariable => url,
        ServerConnection.TokenVariable => token,
        _ => null,
    };
}
