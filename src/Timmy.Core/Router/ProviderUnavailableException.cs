namespace Timmy.Core.Router;

/// <summary>A provider cannot run on this machine as configured (a missing native library or model file).
/// The cascade passes it by as "skipped (unavailable: …)" without counting a failure against its circuit:
/// nothing transient went wrong, and its probe keeps reporting the reason until the owner fixes it.</summary>
public class ProviderUnavailableException(string message, string reason) : InvalidOperationException(message)
{
    public string Reason { get; } = reason;
}
