using Microsoft.Extensions.AI;

namespace Timmy.Core.Router;

/// <summary>Reads and writes the <see cref="RoutingInfo"/> the router attaches to its answers. It travels in
/// <c>AdditionalProperties</c> under one key, which Microsoft.Extensions.AI keeps where it rebuilds answers:
/// <c>FunctionInvokingChatClient</c> returns the last inner response and passes streamed updates on as they
/// are, and <c>ToChatResponse()</c> merges the updates' properties.</summary>
public static class RoutingExtensions
{
    private const string Key = "timmy.router.routing";

    public static RoutingInfo? Routing(this ChatResponse response) => Read(response.AdditionalProperties);

    public static RoutingInfo? Routing(this ChatResponseUpdate update) => Read(update.AdditionalProperties);

    internal static void SetRouting(this ChatResponse response, RoutingInfo routing) =>
        (response.AdditionalProperties ??= [])[Key] = routing;

    internal static void SetRouting(this ChatResponseUpdate update, RoutingInfo routing) =>
        (update.AdditionalProperties ??= [])[Key] = routing;

    private static RoutingInfo? Read(AdditionalPropertiesDictionary? properties) =>
        properties?.TryGetValue(Key, out var value) == true ? value as RoutingInfo : null;
}
