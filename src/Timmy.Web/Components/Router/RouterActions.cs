namespace Timmy.Web.Components.Router;

/// <summary>What a provider card's buttons ask for (also the first part of each form's name).</summary>
public static class RouterActions
{
    public const string Enable = "enable";
    public const string Disable = "disable";
    public const string Reset = "reset";
    public const string Probe = "probe";
}
