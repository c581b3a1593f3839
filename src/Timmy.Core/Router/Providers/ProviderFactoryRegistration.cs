using Timmy.Core.Router;

namespace Timmy.Core.Router.Providers;

/// <summary>How one provider type is built. Registered in DI; when several are registered for a type the
/// last one wins, so a tier living in another module (llama.cpp) replaces the placeholder by registering
/// itself with <see cref="RouterServiceCollectionExtensions.AddRouterProviderFactory"/>.</summary>
public sealed record ProviderFactoryRegistration(string Type, Func<IServiceProvider, ProviderOptions, ProviderClient> Create);
