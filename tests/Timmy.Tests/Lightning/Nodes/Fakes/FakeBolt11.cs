using System.Security.Cryptography;

namespace Timmy.Tests.Lightning.Nodes.Fakes;

/// <summary>BOLT11-looking strings for the fakes: a regtest prefix with the amount, the creation time in the seven
/// characters after the separator (as in a real invoice), then random bech32 characters. Not a valid invoice.</summary>
public static class FakeBolt11
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    public static string Create(long amountMsat, DateTimeOffset createdAt)
    {
        var seconds = createdAt.ToUnixTimeSeconds();
        var timestamp = new char[7];
        for (var i = 6; i >= 0; i--)
        {
            timestamp[i] = Charset[(int)(seconds & 31)];
            seconds >>= 5;
        }
        var amount = amountMsat > 0 ? $"{amountMsat / 100}n" : "";
        var data = RandomNumberGenerator.GetItems(Charset.AsSpan(), 180);
        return $"lnbcrt{amount}1{new string(timestamp)}{new string(data)}";
    }

    public static string RandomHex32() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
