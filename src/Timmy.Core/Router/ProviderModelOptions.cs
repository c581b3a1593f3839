namespace Timmy.Core.Router;

/// <summary>A model a provider serves.</summary>
public sealed class ProviderModelOptions
{
    public string Name { get; set; } = "";

    /// <summary>The provider's default model; the first model when none is marked.</summary>
    public bool Default { get; set; }

    /// <summary>Context window in tokens (shown on the status page; the chat feature trims to it).</summary>
    public int ContextWindow { get; set; } = 4096;
}
