using Timmy.Core.Router;

namespace Timmy.Core.Agents;

/// <summary>A piece of a streamed answer: its text (empty for a tool call or result) and who is answering
/// (null on the updates the tool loop writes itself).</summary>
public sealed record AgentUpdate(string Text, RoutingInfo? Routing);
