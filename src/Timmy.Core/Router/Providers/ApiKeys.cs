namespace Timmy.Core.Router.Providers;

/// <summary>Reads a provider's key from its environment variable, or says why it cannot.</summary>
internal static class ApiKeys
{
    public static string? Read(RouterEnvironment environment, ProviderOptions provider, out ProviderClient? notConfigured)
    {
        notConfigured = null;
        if (string.IsNullOrWhiteSpace(provider.ApiKeyEnv))
        {
            notConfigured = ProviderClient.NotConfigured("no api_key_env is set for this provider");
            return null;
        }
        var key = environment.Get(provider.ApiKeyEnv);
        if (key is null)
        {
            notConfigured = ProviderClient.NotConfigured($"{provider.ApiKeyEnv} is not set");
        }
        return key;
    }
}
