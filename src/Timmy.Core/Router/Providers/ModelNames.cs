namespace Timmy.Core.Router.Providers;

/// <summary>Model name comparisons.</summary>
public static class ModelNames
{
    /// <summary>Ollama treats a name without a tag as <c>:latest</c>.</summary>
    public static bool SameOllamaModel(string a, string b) =>
        string.Equals(WithTag(a), WithTag(b), StringComparison.OrdinalIgnoreCase);

    private static string WithTag(string name) => name.Contains(':') ? name : name + ":latest";
}
