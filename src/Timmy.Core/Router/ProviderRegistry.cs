using Microsoft.Extensions.Options;
using Timmy.Core.Router.Circuit;
using Timmy.Core.Router.Providers;

namespace Timmy.Core.Router;

/// <summary>Builds one <see cref="ProviderRuntime"/> per configured provider through the factory registered
/// for its type, and answers the cascade order.</summary>
public sealed class ProviderRegistry : IDisposable
{
    public ProviderRegistry(
        IOptions<RouterOptions> options,
        IEnumerable<ProviderFactoryRegistration> factories,
        IServiceProvider services,
        RouterEvents events,
        TimeProvider time)
    {
        var byType = new Dictionary<string, ProviderFactoryRegistration>(StringComparer.OrdinalIgnoreCase);
        foreach (var factory in factories)
        {
            byType[factory.Type] = factory; // last registration wins
        }
        All = options.Value.Providers
            .Select((p, index) => (p, index))
            .OrderBy(x => x.p.Priority).ThenBy(x => x.index)
            .Select(x => new ProviderRuntime(x.p, Create(x.p, byType, services), options.Value, time, events.CircuitChanged))
            .ToList();
    }

    /// <summary>Every provider in priority order.</summary>
    public IReadOnlyList<ProviderRuntime> All { get; }

    public ProviderRuntime? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The order the cascade tries: priority order, except that providers whose last probe found
    /// them unavailable go after the rest (they are still tried: the probe may be stale).</summary>
    public IReadOnlyList<ProviderRuntime> CascadeOrder()
    {
        var list = new List<ProviderRuntime>(All.Count);
        list.AddRange(All.Where(p => p.LastProbe?.Result.Available != false));
        list.AddRange(All.Where(p => p.LastProbe?.Result.Available == false));
        return list;
    }

    /// <summary>The highest-priority provider that can be called at all (enabled and configured); an answer
    /// from any other is a fallback.</summary>
    public ProviderRuntime? Primary => All.FirstOrDefault(p => p.SkipReason() is null);

    /// <summary>The provider the next call will most likely use: usable, circuit not open, probe not failing.</summary>
    public ProviderRuntime? Preferred => CascadeOrder().FirstOrDefault(p =>
        p.SkipReason() is null && p.Breaker.State != CircuitState.Open && p.LastProbe?.Result.Available != false);

    public void Dispose()
    {
        foreach (var provider in All)
        {
            provider.Dispose();
        }
    }

    private static ProviderClient Create(ProviderOptions provider, Dictionary<string, ProviderFactoryRegistration> byType, IServiceProvider services)
    {
        if (!byType.TryGetValue(provider.Type, out var factory))
        {
            return ProviderClient.Unavailable($"no factory for provider type '{provider.Type}'");
        }
        try
        {
            return factory.Create(services, provider);
        }
        catch (Exception ex)
        {
            return ProviderClient.Unavailable("could not be created: " + ErrorText.Describe(ex));
        }
    }
}
