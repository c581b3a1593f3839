namespace Timmy.Tests.Upgrades.Harness;

/// <summary>A test class with a fresh <see cref="UpgradeHarness"/> for each test.</summary>
public abstract class UpgradeTestBase : IAsyncLifetime
{
    protected UpgradeHarness H { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync() => H = await UpgradeHarness.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        await H.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
