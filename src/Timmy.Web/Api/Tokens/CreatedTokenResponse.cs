using Timmy.Core.Security;

namespace Timmy.Web.Api.Tokens;

/// <summary>A new token and its secret; the secret is shown in this answer only.</summary>
public sealed record CreatedTokenResponse(ApiToken Token, string Secret);
