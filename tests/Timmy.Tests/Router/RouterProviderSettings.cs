namespace Timmy.Tests.Router;

/// <summary>The configuration keys of one provider of the cascade, relative to <c>Timmy:Router:</c>; a null
/// argument leaves its key out.</summary>
public static class RouterProviderSettings
{
    public static IEnumerable<(string Key, string Value)> For(
        int index, string name, string type, string? url, string? model, int priority, string? apiKeyEnv = null)
    {
        var p = $"Providers:{index}:";
        yield return (p + "Name", name);
        yield return (p + "Type", type);
        yield return (p + "Priority", priority.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (url is not null)
        {
            yield return (p + "Url", url);
        }
        if (model is not null)
        {
            yield return (p + "Models:0:Name", model);
        }
        if (apiKeyEnv is not null)
        {
            yield return (p + "ApiKeyEnv", apiKeyEnv);
        }
    }

    /// <summary>Adds the provider to a web host's settings.</summary>
    public static void AddRouterProvider(
        this Dictionary<string, string?> settings, int index, string name, string type, string? url, string? model, int priority, string? apiKeyEnv = null)
    {
        foreach (var (key, value) in For(index, name, type, url, model, priority, apiKeyEnv))
        {
            settings["Timmy:Router:" + key] = value;
        }
    }
}
