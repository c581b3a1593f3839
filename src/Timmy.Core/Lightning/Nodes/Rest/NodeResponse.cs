using System.Net;
using System.Text.Json;

namespace Timmy.Core.Lightning.Nodes.Rest;

/// <summary>A node's answer before interpretation: its status and its JSON body (null when the body was empty or
/// not JSON).</summary>
internal sealed record NodeResponse(HttpStatusCode Status, JsonElement? Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}
