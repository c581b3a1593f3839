using Timmy.Core.Router;

namespace Timmy.Core.Chat;

/// <summary>The words of an error turn (Markdown), so the page, the API and the CLI say the same thing.</summary>
public static class ChatErrors
{
    public const string NoProviderHeadline =
        "No LLM provider is reachable: start Ollama with `ollama serve`, or configure another provider.";

    public static string NoProvider(IReadOnlyList<ProviderAttempt> attempts) =>
        attempts.Count == 0
            ? "No LLM provider is configured: set `OLLAMA_URL` or add a provider under `Timmy:Router:Providers`."
            : NoProviderHeadline + "\n\n" + string.Join("\n", attempts.Select(a => $"- **{a.Provider}**: {(a.Skipped ? "skipped" : "failed")} ({a.Reason})"));

    public static string Interrupted(string reason, string partial) =>
        $"The answer was cut off: {reason}" + (partial.Length == 0 ? "" : "\n\nWhat arrived before that:\n\n" + partial);

    public static string Failed(Exception ex) => "Timmy could not answer: " + ErrorText.Describe(ex);
}
