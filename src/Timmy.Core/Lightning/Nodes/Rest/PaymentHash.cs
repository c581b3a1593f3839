namespace Timmy.Core.Lightning.Nodes.Rest;

/// <summary>Checks a payment hash before it goes into a node's URL or query: 32 bytes as hex.</summary>
internal static class PaymentHash
{
    public static string Require(string paymentHash)
    {
        ArgumentNullException.ThrowIfNull(paymentHash);
        if (paymentHash.Length != 64 || !paymentHash.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException("A payment hash is 64 hex digits.", nameof(paymentHash));
        }
        return paymentHash.ToLowerInvariant();
    }
}
