namespace Timmy.Core.Router.Status;

/// <summary>A model as the status shows it.</summary>
public sealed record ProviderModelInfo(string Name, bool Default, int ContextWindow);
