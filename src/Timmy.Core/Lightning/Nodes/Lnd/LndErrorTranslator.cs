using System.Net;
using System.Text.Json;
using Timmy.Core.Lightning.Nodes.Rest;

namespace Timmy.Core.Lightning.Nodes.Lnd;

/// <summary>
/// Reads LND's gRPC-status errors, <c>{"code":…,"message":…,"details":[]}</c> (wrapped in <c>"error"</c> on a
/// stream). The REST gateway turns gRPC code 2 (Unknown) into HTTP 500, and LND answers most refusals that way,
/// a bad macaroon included, so the code and message decide, not the 500.
/// </summary>
internal sealed class LndErrorTranslator : INodeErrorTranslator
{
    private const int Unknown = 2, DeadlineExceeded = 4, PermissionDenied = 7, Internal = 13, Unavailable = 14, Unauthenticated = 16;

    public LightningNodeException Translate(HttpStatusCode status, JsonElement? body)
    {
        var error = body is { ValueKind: JsonValueKind.Object } element && element.TryGetProperty("error", out var inner) ? inner : body;
        var code = NodeJson.ReadInteger(error, "code");
        var message = NodeJson.ReadString(error, "message");
        var failure = code switch
        {
            null => NodeFailures.FromStatus(status),
            PermissionDenied or Unauthenticated => LightningNodeFailure.Unauthorized,
            Unknown when IsMacaroonProblem(message) => LightningNodeFailure.Unauthorized,
            DeadlineExceeded or Internal or Unavailable => LightningNodeFailure.Unavailable,
            _ => LightningNodeFailure.Refused,
        };
        return NodeFailures.Create(LightningNodeKind.LndRest, failure, status, message);
    }

    private static bool IsMacaroonProblem(string? message) =>
        message is not null
        && (message.Contains("macaroon", StringComparison.OrdinalIgnoreCase)
            || message.Contains("verification failed", StringComparison.OrdinalIgnoreCase)
            || message.Contains("permission denied", StringComparison.OrdinalIgnoreCase));
}
