using Microsoft.Extensions.Options;

namespace Timmy.Tests.Upgrades.Harness;

/// <summary>Options a test changes in place: every read sees the one instance.</summary>
public sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
