namespace Timmy.Web.Api.Tokens;

/// <summary>The body of <c>POST /api/v1/tokens</c>: a name and the scopes the token may use.</summary>
public sealed record CreateTokenRequest(string? Name, IReadOnlyList<string>? Scopes);
