using System.Net;

namespace Timmy.Core.Lightning.Nodes.Rest;

/// <summary>The common reading of an HTTP status: 401/403 are our credentials, 5xx is the node being unwell, any
/// other 4xx is the node saying no. Each node's translator refines this with what its error body says.</summary>
internal static class NodeFailures
{
    public static LightningNodeFailure FromStatus(HttpStatusCode status) => (int)status switch
    {
        401 or 403 => LightningNodeFailure.Unauthorized,
        >= 500 => LightningNodeFailure.Unavailable,
        _ => LightningNodeFailure.Refused,
    };

    public static LightningNodeException Create(string kind, LightningNodeFailure failure, HttpStatusCode status, string? nodeMessage)
    {
        var what = failure switch
        {
            LightningNodeFailure.Unauthorized => "refused our credentials",
            LightningNodeFailure.Unavailable => "is unavailable",
            _ => "refused",
        };
        var message = string.IsNullOrWhiteSpace(nodeMessage)
            ? $"The {kind} node {what} (HTTP {(int)status})."
            : $"The {kind} node {what}: {nodeMessage} (HTTP {(int)status}).";
        return new LightningNodeException(failure, message);
    }
}
