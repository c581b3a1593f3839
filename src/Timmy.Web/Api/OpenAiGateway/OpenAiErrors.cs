namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>The gateway's refusals in OpenAI's error shape, with the status codes OpenAI's clients expect.</summary>
public static class OpenAiErrors
{
    public static IResult InvalidRequest(string message, string? param = null, string? code = null) =>
        Write(StatusCodes.Status400BadRequest, message, "invalid_request_error", param, code);

    public static IResult ModelNotFound(string message) =>
        Write(StatusCodes.Status404NotFound, message, "invalid_request_error", "model", "model_not_found");

    public static IResult RateLimited(string message) =>
        Write(StatusCodes.Status429TooManyRequests, message, "rate_limit_error", null, "rate_limit_exceeded");

    public static IResult NoProvider(string message) =>
        Write(StatusCodes.Status503ServiceUnavailable, message, "service_unavailable", null, "no_provider_available");

    public static OpenAiErrorBody Body(string message, string type, string? param = null, string? code = null) =>
        new(new OpenAiError(message, type, param, code));

    private static IResult Write(int status, string message, string type, string? param, string? code) =>
        Results.Json(Body(message, type, param, code), OpenAiJson.Options, statusCode: status);
}
