using System.Buffers.Text;
using Timmy.Core.Security;

namespace Timmy.Tests.Auth;

public sealed class StartupSignInLinkTests
{
    [Fact]
    public void Token_IsUnpaddedBase64UrlOf32Bytes()
    {
        var link = new StartupSignInLink();

        Assert.Matches("^[A-Za-z0-9_-]{43}$", link.Token);
        Assert.Equal(32, Base64Url.DecodeFromChars(link.Token).Length);
    }

    [Fact]
    public void TryRedeem_RightToken_SucceedsOnce()
    {
        var link = new StartupSignInLink();

        Assert.True(link.TryRedeem(link.Token));
        Assert.False(link.TryRedeem(link.Token));
    }
}
