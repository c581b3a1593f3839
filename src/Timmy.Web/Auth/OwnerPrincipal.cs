using System.Security.Claims;
using Timmy.Core.Security;

namespace Timmy.Web.Auth;

/// <summary>How the owner looks to ASP.NET: a name, how they got in, and "scope" claims.</summary>
public static class OwnerPrincipal
{
    public const string ScopeClaim = "scope";
    public const string MethodClaim = "amr";

    /// <summary>The id of the API token a request came with; the signed-in cookie has none.</summary>
    public const string TokenIdClaim = "token_id";

    public static ClaimsPrincipal Create(string scheme, string method, IEnumerable<string> scopes, string name = "owner", string? tokenId = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(MethodClaim, method) };
        if (tokenId is not null)
        {
            claims.Add(new Claim(TokenIdClaim, tokenId));
        }
        claims.AddRange(scopes.Select(s => new Claim(ScopeClaim, s)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The id of the API token the request came with, or null for the signed-in cookie.</summary>
    public static string? TokenId(this ClaimsPrincipal user) => user.FindFirst(TokenIdClaim)?.Value;

    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.Identity?.IsAuthenticated == true &&
        user.FindAll(ScopeClaim).Any(c => c.Value == scope || c.Value == ApiScopes.All);
}
