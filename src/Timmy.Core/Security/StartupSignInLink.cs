using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Timmy.Core.Security;

/// <summary>The one-time sign-in token printed at start-up. It is valid until used once (or until the
/// process restarts, which prints a new one); only its hash is held in memory.</summary>
public sealed class StartupSignInLink
{
    private readonly byte[] _hash;
    private int _used;

    public StartupSignInLink()
    {
        Token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(Token));
    }

    /// <summary>The token, for printing once at start-up.</summary>
    public string Token { get; }

    public bool IsUsed => Volatile.Read(ref _used) == 1;

    /// <summary>True exactly once, for the right token.</summary>
    public bool TryRedeem(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate) || candidate.Length > 100)
        {
            return false;
        }
        var candidateHash = SHA256.HashData(Encoding.UTF8.GetBytes(candidate));
        return CryptographicOperations.FixedTimeEquals(candidateHash, _hash) && Interlocked.Exchange(ref _used, 1) == 0;
    }
}
