using System.Text.Json;
using Microsoft.AspNetCore.Authorization.Policy;
using Timmy.Core.Security;
using Timmy.Web.Auth;

namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>401 and 403 at the gateway in OpenAI's error shape: OpenAI's clients read <c>error.message</c>.</summary>
public static class GatewayRefusal
{
    public static async Task WriteAsync(HttpContext context, PolicyAuthorizationResult result)
    {
        var body = result.Challenged || context.User.Identity?.IsAuthenticated != true
            ? Unauthenticated(context)
            : OpenAiErrors.Body(
                $"This API token lacks the '{ApiScopes.Chat}' scope; it has: {string.Join(", ", context.User.FindAll(OwnerPrincipal.ScopeClaim).Select(c => c.Value))}.",
                "permission_error", code: "insufficient_scope");
        var status = body.Error.Type == "authentication_error" ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body, OpenAiJson.Options), context.RequestAborted);
    }

    private static OpenAiErrorBody Unauthenticated(HttpContext context) =>
        OpenAiErrors.Body(
            context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? "The API token is unknown or revoked."
                : $"Send an API token with the '{ApiScopes.Chat}' scope as 'Authorization: Bearer tt_…' (create one on the Tokens page).",
            "authentication_error", code: "invalid_api_key");
}
