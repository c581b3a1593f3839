namespace Timmy.Core.Lightning.L402;

/// <summary>What a client is offered when it has no valid token: a macaroon (base64) bound to the invoice's payment
/// hash, and the invoice to pay for it.</summary>
public sealed record L402Challenge(
    string TokenId, string Macaroon, string Invoice, string PaymentHash, long AmountSats, DateTimeOffset ExpiresAt)
{
    /// <summary>The <c>WWW-Authenticate</c> value of the 402 answer, as the L402 specification writes it.</summary>
    public string WwwAuthenticate => $"{L402Credential.Scheme} macaroon=\"{Macaroon}\", invoice=\"{Invoice}\"";
}
