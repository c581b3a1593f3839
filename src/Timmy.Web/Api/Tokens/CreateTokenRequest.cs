using System.ComponentModel.DataAnnotations;
using Timmy.Core.Security;

namespace Timmy.Web.Api.Tokens;

/// <summary>The body of <c>POST /api/v1/tokens</c>: a name and the scopes the token may use.</summary>
public sealed record CreateTokenRequest(
    [property: Required(ErrorMessage = "A token needs a name."),
     StringLength(ApiTokenService.MaxNameLength, ErrorMessage = "A token needs a name of 1 to {1} characters.")] string? Name,
    [property: Required(ErrorMessage = CreateTokenRequest.NoScope), MinLength(1, ErrorMessage = CreateTokenRequest.NoScope)]
    IReadOnlyList<string>? Scopes) : IValidatableObject
{
    private const string NoScope = "A token needs at least one scope.";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var unknown = (Scopes ?? []).Where(s => s is null || !ApiScopes.IsKnown(s)).ToList();
        if (unknown.Count > 0)
        {
            yield return new ValidationResult(
                $"Unknown scope(s): {string.Join(", ", unknown.Select(s => s is null ? "null" : s[..Math.Min(s.Length, 40)]))}. " +
                $"Known: {string.Join(", ", ApiScopes.Catalogue.Select(c => c.Scope))}.",
                [nameof(Scopes)]);
        }
    }
}
