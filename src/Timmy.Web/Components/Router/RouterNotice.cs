using Timmy.Core.Router.Status;

namespace Timmy.Web.Components.Router;

/// <summary>The line shown after a control form was used. The form's redirect carries only a code (a card's
/// <see cref="RouterActions"/> or one of the constants here) and the provider's name; the words are made
/// here from the router's state at the time of the redirected GET.</summary>
public sealed record RouterNotice(string Text, bool IsError)
{
    public const string ProbedAll = "probed-all";
    public const string UnknownProvider = "unknown-provider";

    /// <summary>The notice for <paramref name="code"/>; null for no code, an unknown one, or a provider that is gone.</summary>
    public static RouterNotice? For(string? code, string? provider, RouterStatus status)
    {
        var p = status.Providers.FirstOrDefault(x => string.Equals(x.Name, provider, StringComparison.OrdinalIgnoreCase));
        return code switch
        {
            ProbedAll => new($"Probed every provider: {status.Providers.Count(x => x.LastProbeAvailable == true)} of {status.Providers.Count} available.", false),
            UnknownProvider => new("There is no provider by that name.", true),
            _ when p is null => null,
            RouterActions.Enable when p.Availability == ProviderAvailability.NotConfigured =>
                new($"Enabled {p.Name}, but it is {ProviderStatusText.Availability(p)} — set that and restart Timmy before it can answer.", true),
            RouterActions.Enable => new($"Enabled {p.Name}: the cascade calls it again.", false),
            RouterActions.Disable => new($"Disabled {p.Name}: the cascade passes it by until you enable it again (kept across restarts).", false),
            RouterActions.Reset => new($"Reset the circuit of {p.Name}: it is closed and counts failures from zero.", false),
            RouterActions.Probe => new($"Probed {p.Name}: {p.LastProbeDetail ?? "no result"}", p.LastProbeAvailable != true),
            _ => null,
        };
    }
}
