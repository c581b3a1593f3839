namespace Timmy.Core.Lightning.Bolt11;

/// <summary>The tagged-field types this codec reads and writes: each is the 5-bit value of the bech32 letter that
/// names it in the specification.</summary>
internal static class Bolt11Tag
{
    public const byte PaymentHash = 1;       // p
    public const byte RouteHint = 3;         // r
    public const byte Features = 5;          // 9
    public const byte Expiry = 6;            // x
    public const byte Fallback = 9;          // f
    public const byte Description = 13;      // d
    public const byte PaymentSecret = 16;    // s
    public const byte PayeeNodeId = 19;      // n
    public const byte DescriptionHash = 23;  // h
    public const byte MinFinalCltvExpiry = 24; // c
    public const byte Metadata = 27;         // m

    public static char Letter(byte tag) => Bech32.Charset[tag];
}
