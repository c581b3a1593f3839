namespace Timmy.Core.Router;

/// <summary>Every provider was skipped or failed. The message lists each one and why.</summary>
public sealed class NoProviderAvailableException(IReadOnlyList<ProviderAttempt> attempts)
    : Exception(Describe(attempts))
{
    public IReadOnlyList<ProviderAttempt> Attempts { get; } = attempts;

    private static string Describe(IReadOnlyList<ProviderAttempt> attempts) =>
        attempts.Count == 0
            ? "No LLM provider is configured."
            : "No LLM provider could answer: " + string.Join("; ", attempts) + ".";
}
