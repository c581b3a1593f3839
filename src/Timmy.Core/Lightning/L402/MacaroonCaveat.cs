using System.Text;

namespace Timmy.Core.Lightning.L402;

/// <summary>One caveat of a macaroon: its identifier (for a first-party caveat, the predicate such as
/// <c>services=timmy:standard</c>), and for a third-party caveat its location and verification id. L402 only mints
/// first-party caveats; third-party ones are kept so that a parsed macaroon serializes back byte for byte.</summary>
public sealed record MacaroonCaveat(byte[] Identifier, string? Location = null, byte[]? VerificationId = null)
{
    public static MacaroonCaveat FirstParty(string predicate) => new(Encoding.UTF8.GetBytes(predicate));

    public bool IsFirstParty => VerificationId is null;

    /// <summary>The identifier as text (a first-party predicate is UTF-8).</summary>
    public string Text => Encoding.UTF8.GetString(Identifier);
}
