namespace Timmy.Core.Security;

/// <summary>A freshly created token: <see cref="Secret"/> is shown to the owner once and never again.</summary>
public sealed record CreatedApiToken(ApiToken Token, string Secret);
