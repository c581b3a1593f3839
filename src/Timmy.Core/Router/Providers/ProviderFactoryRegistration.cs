
namespace Timmy.Core.Router.Providers;

/// <summary>How one provider type is built. Registered in DI; when several are registered for a type the
/// last one wins, so a host or test can replace a tier with
/// <see cref="RouterServiceCollectionExtensions.AddRouterProviderFactory"/>.</summary>
public sealed record ProviderFactoryRegistration(string Type, Func<IServiceProvider, ProviderOptions, ProviderClient> Create);
