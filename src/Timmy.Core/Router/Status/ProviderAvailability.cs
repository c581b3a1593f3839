namespace Timmy.Core.Router.Status;

/// <summary>The words <see cref="ProviderStatus.Availability"/> uses.</summary>
public static class ProviderAvailability
{
    public const string Available = "available";
    public const string Unavailable = "unavailable";
    public const string NotConfigured = "not_configured";
    public const string Disabled = "disabled";
    /// <summary>Configured and enabled, not probed yet, circuit closed.</summary>
    public const string Unknown = "unknown";
}
