using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Timmy.Core.Storage;

namespace Timmy.Core.Events;

/// <summary>
/// The event log's hash chain, written by hand (no library chains audit records). Each event's hash is
/// <c>hex(SHA-256(prev_hash + "\n" + canonical))</c>, where <c>prev_hash</c> is the previous event's hash (64 lowercase
/// hex digits; <see cref="Genesis"/> before the first) and <c>canonical</c> is the compact UTF-8 JSON array
/// <c>[id, "timestamp", "event_type", "source", task_id, agent_id, actor, data]</c>: the timestamp as stored
/// (<c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>), absent ids and actor as <c>null</c>, and <c>data</c> re-written compactly by
/// System.Text.Json (property order and number text kept), so a copy exported as JSON verifies offline.
/// </summary>
public static class EventChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(string prevHash, long id, DateTimeOffset timestamp, string eventType, string source,
        string? taskId, string? agentId, string? actor, JsonElement data)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.Write(Encoding.ASCII.GetBytes(prevHash));
        buffer.Write("\n"u8);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(id);
            writer.WriteStringValue(Timestamps.Format(timestamp));
            writer.WriteStringValue(eventType);
            writer.WriteStringValue(source);
            WriteOptional(writer, taskId);
            WriteOptional(writer, agentId);
            WriteOptional(writer, actor);
            data.WriteTo(writer);
            writer.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    public static string Hash(string prevHash, EventRecord e) =>
        Hash(prevHash, e.Id, e.Timestamp, e.EventType, e.Source, e.TaskId, e.AgentId, e.Actor, e.Data);

    private static void WriteOptional(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
