namespace Timmy.Core.Lightning.L402;

/// <summary>The outcome of checking a presented L402 credential: the token it grants, or why not. A malformed
/// credential (the client sent something that is not an L402 credential at all) is told apart from a well-formed
/// one that is refused (unknown, revoked, expired, unpaid, not for this route, used up).</summary>
public sealed record L402Verification(L402Token? Token, string? Failure, bool IsMalformed)
{
    public bool IsGranted => Token is not null;

    public static L402Verification Granted(L402Token token) => new(token, null, false);

    public static L402Verification Malformed(string reason) => new(null, reason, true);

    public static L402Verification Refused(string reason) => new(null, reason, false);
}
