namespace Timmy.Web.Components.Shared;

/// <summary>The navigation, in order. Only pages that exist are listed; features add theirs here.</summary>
public static class NavItems
{
    public sealed record NavItem(string Href, string Icon, string Label);

    public static IReadOnlyList<NavItem> All { get; } =
    [
        new("/", "🏠", "Home"),
        new("/swarm/live", "📡", "Control room"),
        new("/swarm/tasks", "📝", "Tasks"),
        new("/marketplace", "🏪", "Marketplace"),
        new("/memory", "🧠", "Memory"),
        new("/lightning/ledger", "⚡", "Lightning"),
        new(Upgrades.UpgradeFormat.Path, "🧬", "Upgrades"),
        new("/swarm/events", "📜", "Event log"),
        new("/router/status", "🚦", "Router"),
        new("/settings/tokens", "🎟️", "API tokens"),
    ];
}
