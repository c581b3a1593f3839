namespace Timmy.Core.Router;

/// <summary>The provider types the router knows.</summary>
public static class ProviderTypes
{
    public const string Ollama = "ollama";
    public const string LlamaCpp = "llamacpp";
    public const string OpenAi = "openai";
    public const string Anthropic = "anthropic";

    public static IReadOnlyList<string> All { get; } = [Ollama, LlamaCpp, OpenAi, Anthropic];
}
