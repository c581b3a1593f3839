using Timmy.Core.Router;
using Timmy.Core.Router.Providers;

namespace Timmy.Tests.Router;

/// <summary>The short environment variables that choose servers, models and the GGUF file without a provider list.</summary>
public sealed class RouterEnvironmentVariablesTests
{
    private static RouterOptions Defaults(params (string Name, string Value)[] variables)
    {
        var environment = new RouterEnvironment(name => variables.FirstOrDefault(v => v.Name == name).Value);
        var options = new RouterOptions();
        new PostConfigureRouterOptions(environment).PostConfigure(null, options);
        return options;
    }

    private static ProviderOptions Provider(RouterOptions options, string name) => options.Providers.Single(p => p.Name == name);

    [Fact]
    public void OpenAiBaseUrlAndModel_EnableTheLocalServerWithoutAKey()
    {
        var options = Defaults(("OPENAI_BASE_URL", "http://127.0.0.1:1234/v1"), ("OPENAI_MODEL", "qwen2.5-7b-instruct"));

        var openAi = Provider(options, "openai");
        Assert.True(openAi.Enabled);
        Assert.Equal("http://127.0.0.1:1234/v1", openAi.Url);
        Assert.Equal("qwen2.5-7b-instruct", openAi.DefaultModel);
        Assert.True(OpenAiProviderFactory.Create(openAi, new RouterEnvironment(_ => null)).IsReady);
    }

    [Fact]
    public void NoVariables_OpenAiStaysOffAndOpenAisOwnServerNeedsTheKey()
    {
        var openAi = Provider(Defaults(), "openai");

        Assert.False(openAi.Enabled);
        Assert.Equal(PostConfigureRouterOptions.DefaultOpenAiModel, openAi.DefaultModel);
        Assert.Equal("not configured: OPENAI_API_KEY is not set", OpenAiProviderFactory.Create(openAi, new RouterEnvironment(_ => null)).UnavailableReason);
    }

    [Fact]
    public void AnthropicModel_ChoosesTheModel() =>
        Assert.Equal("claude-sonnet-4-5", Provider(Defaults(("ANTHROPIC_MODEL", "claude-sonnet-4-5")), "anthropic").DefaultModel);

    [Fact]
    public void LlamaModelPath_IsTheInProcessTiersGgufFile() =>
        Assert.Equal("/models/tiny.gguf", Provider(Defaults(("LLAMA_MODEL_PATH", "/models/tiny.gguf")), "llamacpp").ModelPath);

    [Fact]
    public void ConfiguredOpenAiProviderWithoutModels_TakesOpenAiModel()
    {
        var environment = new RouterEnvironment(name => name == "OPENAI_MODEL" ? "local-model" : null);
        var options = new RouterOptions { Providers = [new ProviderOptions { Name = "lm", Type = "openai", Url = "http://127.0.0.1:1234/v1" }] };

        new PostConfigureRouterOptions(environment).PostConfigure(null, options);

        Assert.Equal("local-model", options.Providers[0].DefaultModel);
    }

    [Fact]
    public async Task Probe_ConfiguredModelMissing_SaysWhichModelsTheServerHas()
    {
        await using var server = await Fakes.FakeOpenAiServer.StartNewAsync();
        server.Model = "qwen2.5-7b-instruct";
        var provider = Provider(Defaults(("OPENAI_BASE_URL", server.ApiBase), ("OPENAI_MODEL", "gpt-4o-mini")), "openai");

        var result = await OpenAiProviderFactory.Create(provider, new RouterEnvironment(_ => null)).Probe!.ProbeAsync(TestContext.Current.CancellationToken);

        Assert.Equal("ok: server reachable, gpt-4o-mini not listed (it has: qwen2.5-7b-instruct)", result.Detail);
    }
}
