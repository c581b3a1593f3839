namespace Timmy.Core.Lightning.Nodes;

/// <summary>A Lightning connection string that cannot be used. <see cref="Key"/> names the part to fix; the message
/// says why, and never repeats a credential.</summary>
public sealed class InvalidLightningConnectionStringException(string key, string reason)
    : FormatException($"Lightning connection string, key '{key}': {reason}")
{
    public string Key { get; } = key;
}
