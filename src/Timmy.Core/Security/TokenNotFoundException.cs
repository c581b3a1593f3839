using Timmy.Core.Refusals;

namespace Timmy.Core.Security;

/// <summary>No active token has that id (never created, or already revoked).</summary>
public sealed class TokenNotFoundException(string id)
    : NotFoundException("No such active token", $"There is no active token with id '{(id.Length > 80 ? id[..80] + "…" : id)}'.");
