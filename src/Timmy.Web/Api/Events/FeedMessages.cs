using System.Runtime.CompilerServices;
using System.Text.Json;
using Timmy.Core.Events;

namespace Timmy.Web.Api.Events;

/// <summary>The WebSocket protocol's messages, all <c>{"type": …, "payload": …}</c>. An event's message is
/// serialised once and shared by every client that receives it.</summary>
public static class FeedMessages
{
    private static readonly ConditionalWeakTable<EventRecord, byte[]> EventCache = [];

    public static byte[] Event(EventRecord record) =>
        EventCache.GetValue(record, r => Serialize("event", r));

    public static byte[] InitialState(InitialStatePayload payload) => Serialize("initial_state", payload);

    public static byte[] Gap(EventGap gap) => Serialize("gap", new { missed = gap.Missed, from_id = gap.FromId });

    public static byte[] Subscribed(IEnumerable<string> types) => Serialize("subscribed", new { channel = "events", types });

    public static byte[] Error(string message) => Serialize("error", new { message });

    public static byte[] Pong() => Serialize("pong", new { });

    private static byte[] Serialize<T>(string type, T payload) =>
        JsonSerializer.SerializeToUtf8Bytes(new Envelope<T>(type, payload), EventJson.Options);

    private sealed record Envelope<T>(string Type, T Payload);

    /// <summary>What a page needs on connect: counts for the last hour and the newest events.</summary>
    public sealed record InitialStatePayload(
        DateTimeOffset ServerTime,
        long LastEventId,
        IReadOnlyList<string> Types,
        int SummaryWindowMinutes,
        long SummaryTotal,
        IReadOnlyList<EventTypeCount> Summary,
        IReadOnlyList<EventRecord> Recent,
        int ConnectedClients);
}
