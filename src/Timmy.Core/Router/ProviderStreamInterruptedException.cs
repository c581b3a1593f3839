namespace Timmy.Core.Router;

/// <summary>A provider failed after tokens had already reached the caller, so the router could not fail over.</summary>
public sealed class ProviderStreamInterruptedException(string provider, Exception inner)
    : Exception($"Provider {provider} failed mid-answer after tokens were sent: {ErrorText.Describe(inner)}", inner)
{
    public string Provider { get; } = provider;
}
