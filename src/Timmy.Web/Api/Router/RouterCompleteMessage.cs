using System.ComponentModel.DataAnnotations;

namespace Timmy.Web.Api.Router;

/// <summary>One chat message of a completion request.</summary>
public sealed record RouterCompleteMessage(
    [property: Required(ErrorMessage = RouterCompleteMessage.RoleRule), AllowedValues("system", "user", "assistant", ErrorMessage = RouterCompleteMessage.RoleRule)]
    string Role,
    [property: Required(ErrorMessage = "content is required.")] string Content)
{
    private const string RoleRule = "role must be system, user or assistant.";
}
