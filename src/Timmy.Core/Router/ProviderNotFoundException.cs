using Timmy.Core.Refusals;

namespace Timmy.Core.Router;

/// <summary>No configured provider has that name.</summary>
public sealed class ProviderNotFoundException(string name)
    : NotFoundException("Unknown provider", $"No provider is named '{(name.Length > 60 ? name[..60] + "…" : name)}'.");
