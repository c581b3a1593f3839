using Timmy.Core.Lightning.L402;

namespace Timmy.Tests.Lightning.L402;

public sealed class ValidateL402OptionsTests
{
    private static L402Options Valid()
    {
        var options = new L402Options();
        new PostConfigureL402Options().PostConfigure(null, options);
        return options;
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = Valid();

        Assert.True(new ValidateL402Options().Validate(null, options).Succeeded);
        Assert.Equal(100, Assert.Single(options.Routes).TokenPriceSats);
    }

    [Fact]
    public void Validate_BadRoutePath_NamesTheKey()
    {
        var options = Valid();
        options.Routes[0].Path = "api/*/chat";

        var result = new ValidateL402Options().Validate(null, options);

        Assert.StartsWith("Timmy:Lightning:L402:Routes:0:Path must start with '/'", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_FlatRouteWithoutPrice_NamesTheKey()
    {
        var options = Valid();
        options.Routes[0].PriceSats = 0;
        options.ChallengesPerMinutePerClient = 0;

        var result = new ValidateL402Options().Validate(null, options);

        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("Timmy:Lightning:L402:Routes:0:PriceSats", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Timmy:Lightning:L402:ChallengesPerMinutePerClient", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("POST", "/api/v1/serve/chat", true)]
    [InlineData("post", "/API/v1/serve/chat/", true)]
    [InlineData("GET", "/api/v1/serve/chat", false)]
    [InlineData("POST", "/api/v1/serve/chatty", false)]
    public void FindRoute_ExactPath_MatchesMethodAndPath(string method, string path, bool matches) =>
        Assert.Equal(matches, Valid().FindRoute(method, path) is not null);
}
