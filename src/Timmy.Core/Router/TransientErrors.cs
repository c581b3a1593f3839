using System.ClientModel;
using System.Net;
using System.Net.Sockets;
using OllamaSharp.Models.Exceptions;
using Polly.Timeout;

namespace Timmy.Core.Router;

/// <summary>Which provider errors are worth retrying: connection refused/reset, timeouts, 408, 429 and 5xx.
/// Not 400/401/403/404 (retrying cannot fix them) and never the caller's own cancellation.</summary>
public static class TransientErrors
{
    public static bool IsTransient(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case TimeoutRejectedException or TimeoutException or SocketException or IOException:
                    return true;
                case OllamaException:
                    return false;
                case HttpRequestException http:
                    return http.StatusCode is not { } code || IsTransientStatus((int)code);
                case ClientResultException client:
                    return client.Status == 0 || IsTransientStatus(client.Status);
            }
            if (StatusOf(ex) is { } status)
            {
                return IsTransientStatus(status);
            }
        }
        return false;
    }

    public static bool IsTransientStatus(int status) => status is 408 or 429 or >= 500;

    /// <summary>HTTP status an SDK exception carries (the Anthropic SDK exposes <c>StatusCode</c>), if any.</summary>
    public static int? StatusOf(Exception ex) => ex switch
    {
        HttpRequestException { StatusCode: { } code } => (int)code,
        ClientResultException { Status: > 0 } client => client.Status,
        _ => ex.GetType().GetProperty("StatusCode")?.GetValue(ex) switch
        {
            HttpStatusCode code => (int)code,
            int code => code,
            _ => null,
        },
    };
}
