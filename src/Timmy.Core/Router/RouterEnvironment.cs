namespace Timmy.Core.Router;

/// <summary>Where the router reads environment variables (OLLAMA_URL, API keys). Tests pass a dictionary.
/// Values read here are never logged or returned by the API.</summary>
public sealed class RouterEnvironment(Func<string, string?> read)
{
    public static RouterEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    public string? Get(string name)
    {
        var value = read(name);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    public bool IsSet(string? name) => !string.IsNullOrWhiteSpace(name) && Get(name) is not null;
}
