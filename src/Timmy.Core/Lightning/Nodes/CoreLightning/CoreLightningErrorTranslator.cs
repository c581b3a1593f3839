using System.Net;
using System.Text.Json;
using Timmy.Core.Lightning.Nodes.Rest;

namespace Timmy.Core.Lightning.Nodes.CoreLightning;

/// <summary>
/// Reads clnrest's errors, <c>{"code":…,"message":…}</c>: 401/403 when the rune is refused, and 500 for every
/// error of the RPC command itself. A 500 carrying an RPC code is the node saying no (no route, duplicate label,
/// bad invoice); one without a code means clnrest could not reach lightningd, so the node is unavailable.
/// </summary>
internal sealed class CoreLightningErrorTranslator : INodeErrorTranslator
{
    public LightningNodeException Translate(HttpStatusCode status, JsonElement? body)
    {
        var error = body is { ValueKind: JsonValueKind.Object } element && element.TryGetProperty("error", out var inner) && inner.ValueKind == JsonValueKind.Object ? inner : body;
        var code = NodeJson.ReadInteger(error, "code");
        var message = NodeJson.ReadString(error, "message");
        var failure = NodeFailures.FromStatus(status);
        if (failure == LightningNodeFailure.Unavailable && code is not null && status == HttpStatusCode.InternalServerError)
        {
            failure = LightningNodeFailure.Refused;
        }
        return NodeFailures.Create(LightningNodeKind.CoreLightningRest, failure, status, code is null ? message : $"{message} (code {code})");
    }
}
