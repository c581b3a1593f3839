using NBitcoin;

namespace Timmy.Core.Lightning.Bolt11;

/// <summary>An on-chain fallback (<c>f</c>): a witness version 0–16 with its program, or 17 (P2PKH) / 18 (P2SH) with
/// a 20-byte hash. <see cref="Program"/> is lower-case hex.</summary>
public sealed record Bolt11Fallback
{
    public const int PayToPubKeyHash = 17;
    public const int PayToScriptHash = 18;

    public Bolt11Fallback(int version, string program)
    {
        Version = version;
        Program = program.ToLowerInvariant();
    }

    public int Version { get; }

    public string Program { get; }

    /// <summary>Whether the version is one BOLT11 defines and the program has a length that version allows.</summary>
    internal static bool IsWellFormed(int version, int programLength) => version switch
    {
        PayToPubKeyHash or PayToScriptHash => programLength == 20,
        0 => programLength is 20 or 32,
        >= 1 and <= 16 => programLength is >= 2 and <= 40,
        _ => false,
    };

    /// <summary>The address on the invoice's network (its currency prefix, e.g. <c>bc</c>), or null where NBitcoin
    /// has no such network or address form.</summary>
    public string? ToAddress(string network)
    {
        if (Bolt11Networks.ToNetwork(network) is not { } net)
        {
            return null;
        }
        var bytes = Convert.FromHexString(Program);
        try
        {
            BitcoinAddress? address = (Version, bytes.Length) switch
            {
                (PayToPubKeyHash, 20) => new KeyId(bytes).GetAddress(net),
                (PayToScriptHash, 20) => new ScriptId(bytes).GetAddress(net),
                (0, 20) => new WitKeyId(bytes).GetAddress(net),
                (0, 32) => new WitScriptId(bytes).GetAddress(net),
                (1, 32) => new TaprootPubKey(bytes).GetAddress(net),
                _ => null,
            };
            return address?.ToString();
        }
        catch (FormatException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
