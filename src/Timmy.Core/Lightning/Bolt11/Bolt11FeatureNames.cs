namespace Timmy.Core.Lightning.Bolt11;

/// <summary>The BOLT #9 features an invoice may carry that this codec knows by name, keyed by their even
/// (compulsory) bit; the odd bit above each is the same feature, optional.</summary>
internal static class Bolt11FeatureNames
{
    private static readonly Dictionary<int, string> ByEvenBit = new()
    {
        [8] = "var_onion_optin",
        [14] = "payment_secret",
        [16] = "basic_mpp",
        [24] = "option_route_blinding",
        [48] = "option_payment_metadata",
    };

    public static bool IsKnown(int bit) => ByEvenBit.ContainsKey(bit & ~1);

    public static string Describe(int bit) =>
        $"{(ByEvenBit.TryGetValue(bit & ~1, out var name) ? name : "unknown")} ({bit}, {(bit % 2 == 0 ? "required" : "optional")})";
}
