using Timmy.Core.Refusals;

namespace Timmy.Core.Lightning.L402;

/// <summary>No active L402 token has that id (never issued, or already revoked).</summary>
public sealed class L402TokenNotFoundException(string tokenId)
    : NotFoundException("No such active L402 token", $"There is no active L402 token with id '{(tokenId.Length > 80 ? tokenId[..80] + "…" : tokenId)}'.");
