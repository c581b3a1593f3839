using System.Net;
using System.Text.Json;

namespace Timmy.Core.Lightning.Nodes.Rest;

/// <summary>Reads one node's error answers (status and JSON body, when there is one) into the three failures of
/// the contract, keeping the node's own message.</summary>
internal interface INodeErrorTranslator
{
    LightningNodeException Translate(HttpStatusCode status, JsonElement? body);
}
