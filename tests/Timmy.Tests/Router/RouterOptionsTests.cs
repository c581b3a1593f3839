using Timmy.Core.Router;

namespace Timmy.Tests.Router;

public sealed class RouterOptionsTests
{
    private static RouterOptions Valid() => new()
    {
        Providers =
        [
            new ProviderOptions { Name = "ollama", Type = "ollama", Url = "http://localhost:11434", Models = [new() { Name = "llama3.2" }] },
        ],
    };

    private static string[] Errors(RouterOptions options)
    {
        var result = new ValidateRouterOptions().Validate(null, options);
        return result.Failed ? result.Failures!.ToArray() : [];
    }

    [Fact]
    public void Validate_ValidBaseline_Succeeds() => Assert.Empty(Errors(Valid()));

    [Fact]
    public void Validate_BadProviderUrl_NamesTheFullKey()
    {
        var options = Valid();
        options.Providers[0].Url = "localhost:11434";

        Assert.Equal(["Timmy:Router:Providers:0:Url must be an absolute http or https URL (got 'localhost:11434')."], Errors(options));
    }

    [Fact]
    public void Validate_UnknownType_NamesTheKeyAndTheChoices()
    {
        var options = Valid();
        options.Providers[0].Type = "gpt";

        Assert.Contains("Timmy:Router:Providers:0:Type must be one of ollama, llamacpp, openai, anthropic (got 'gpt').", Errors(options));
    }

    [Fact]
    public void Validate_DuplicateName_IsReported()
    {
        var options = Valid();
        options.Providers.Add(new ProviderOptions { Name = "ollama", Type = "llamacpp" });

        Assert.Equal(["Timmy:Router:Providers:1:Name 'ollama' is used by another provider; names must be unique."], Errors(options));
    }

    [Fact]
    public void Validate_BreakerSettingsOutOfRange_EachNamed()
    {
        var options = Valid();
        options.CircuitBreakerThreshold = 0;
        options.HalfOpenMaxCalls = 0;
        options.Retries = -1;

        Assert.Equal(
        [
            "Timmy:Router:Retries must be between 0 and 10 (got -1).",
            "Timmy:Router:CircuitBreakerThreshold must be between 1 and 1000 (got 0).",
            "Timmy:Router:HalfOpenMaxCalls must be between 1 and 100 (got 0).",
        ], Errors(options));
    }

    [Fact]
    public void Validate_ModelWithoutName_NamesTheModelKey()
    {
        var options = Valid();
        options.Providers[0].Models.Add(new ProviderModelOptions { Name = " " });

        Assert.Equal(["Timmy:Router:Providers:0:Models:1:Name is required."], Errors(options));
    }

    [Fact]
    public void PostConfigure_NothingConfigured_DefaultCascadeWithEnvAliases()
    {
        var env = new Dictionary<string, string> { ["OLLAMA_URL"] = "http://gpu-box:11434", ["OLLAMA_MODEL"] = "qwen2.5", ["OPENAI_API_KEY"] = "sk-x" };
        var options = new RouterOptions();

        new PostConfigureRouterOptions(new RouterEnvironment(env.GetValueOrDefault)).PostConfigure(null, options);

        Assert.Equal(["ollama", "llamacpp", "openai", "anthropic"], options.Providers.Select(p => p.Name));
        Assert.Equal("http://gpu-box:11434", options.Providers[0].Url);
        Assert.Equal("qwen2.5", options.Providers[0].DefaultModel);
        Assert.Equal("qwen2.5", options.Providers[1].DefaultModel);
        Assert.True(options.Providers[0].Enabled);
        Assert.True(options.Providers[2].Enabled);
        Assert.False(options.Providers[3].Enabled);
        Assert.Equal("ANTHROPIC_API_KEY", options.Providers[3].ApiKeyEnv);
        Assert.Empty(Errors(options));
    }

    [Fact]
    public void PostConfigure_NoEnv_OllamaDefaultsAndCloudTiersDisabled()
    {
        var options = new RouterOptions();

        new PostConfigureRouterOptions(new RouterEnvironment(_ => null)).PostConfigure(null, options);

        Assert.Equal("http://localhost:11434", options.Providers[0].Url);
        Assert.Equal("llama3.2", options.Providers[0].DefaultModel);
        Assert.False(options.Providers[2].Enabled);
        Assert.False(options.Providers[3].Enabled);
    }
}
