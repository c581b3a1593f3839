using System.Net;
using System.Text.Json;
using Timmy.Core.Lightning.Nodes.Rest;

namespace Timmy.Core.Lightning.Nodes.Lnbits;

/// <summary>
/// Reads LNbits' FastAPI errors, <c>{"detail":"…"}</c> (a list of problems for a 422). LNbits answers a payment or
/// invoice its funding source refused with the non-standard status 520, which is a refusal, not an outage; any other
/// 5xx is the server being unwell.
/// </summary>
internal sealed class LnbitsErrorTranslator : INodeErrorTranslator
{
    private const int FundingSourceRefused = 520;

    public LightningNodeException Translate(HttpStatusCode status, JsonElement? body)
    {
        var failure = (int)status == FundingSourceRefused ? LightningNodeFailure.Refused : NodeFailures.FromStatus(status);
        return NodeFailures.Create(LightningNodeKind.Lnbits, failure, status, ReadDetail(body));
    }

    private static string? ReadDetail(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } element || !element.TryGetProperty("detail", out var detail))
        {
            return null;
        }
        return detail.ValueKind switch
        {
            JsonValueKind.String => detail.GetString(),
            JsonValueKind.Array => string.Join("; ", detail.EnumerateArray().Select(d => NodeJson.ReadString(d, "msg")).OfType<string>()),
            _ => null,
        };
    }
}
