using System.Security.Claims;
using Timmy.Core.Security;

namespace Timmy.Web.Auth;

/// <summary>How the owner looks to ASP.NET: a name, how they got in, and "scope" claims.</summary>
public static class OwnerPrincipal
{
    public const string ScopeClaim = "scope";
    public const string MethodClaim = "amr";

    public static ClaimsPrincipal Create(string scheme, string method, IEnumerable<string> scopes, string name = "owner")
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(MethodClaim, method) };
        claims.AddRange(scopes.Select(s => new Claim(ScopeClaim, s)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.Identity?.IsAuthenticated == true &&
        user.FindAll(ScopeClaim).Any(c => c.Value == scope || c.Value == ApiScopes.All);
}
