using Microsoft.Extensions.Logging.Abstractions;
using Timmy.Core.Security;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Security;

/// <summary>The owner password follows <c>TIMMY_ADMIN_PASSWORD</c>: set, changed, and — when the server starts without
/// it — forgotten, so an old password stops working once the owner removes it.</summary>
public sealed class OwnerPasswordServiceTests : IAsyncLifetime
{
    private TestDatabase _db = default!;
    private OwnerPasswordService _passwords = default!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _passwords = new OwnerPasswordService(new SqliteAuthStore(_db.Connections, _db.Events), TimeProvider.System,
            NullLogger<OwnerPasswordService>.Instance);
        await _passwords.ApplyAsync("first password", cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task AServerStartedWithoutThePassword_ForgetsTheOldOne()
    {
        await _passwords.ApplyAsync(null, forgetWhenUnset: true, Ct);

        Assert.False(await _passwords.VerifyAsync("first password", Ct));
        Assert.False(await _passwords.IsConfiguredAsync(Ct));
    }

    [Fact]
    public async Task AnotherVerbWithoutThePassword_LeavesItAsItIs()
    {
        await _passwords.ApplyAsync(null, forgetWhenUnset: false, Ct);

        Assert.True(await _passwords.VerifyAsync("first password", Ct));
    }

    [Fact]
    public async Task AChangedPassword_ReplacesTheOldOne()
    {
        await _passwords.ApplyAsync("second password", cancellationToken: Ct);

        Assert.False(await _passwords.VerifyAsync("first password", Ct));
        Assert.True(await _passwords.VerifyAsync("second password", Ct));
    }
}
