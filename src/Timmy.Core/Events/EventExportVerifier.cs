using System.Text.Json;

namespace Timmy.Core.Events;

/// <summary>Verifies a JSON Lines export of the event log offline (no database): every event hashes to its stored
/// hash, and events with consecutive ids link to each other. The export carries each event's previous hash, so the
/// walk starts from the oldest event in the file; a filtered export (gaps in ids) reports the first gap.</summary>
public static class EventExportVerifier
{
    public static async Task<ChainVerification> VerifyAsync(TextReader lines, CancellationToken cancellationToken = default)
    {
        var events = new List<EventRecord>();
        var lineNumber = 0;
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            try
            {
                events.Add(JsonSerializer.Deserialize<EventRecord>(line, EventJson.Options)
                    ?? throw new JsonException("the line is null"));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"Line {lineNumber} is not an exported event: {ex.Message}", ex);
            }
        }
        if (events.Count == 0)
        {
            throw new InvalidDataException("The file holds no events.");
        }
        events.Sort((a, b) => a.Id.CompareTo(b.Id));
        var first = events[0];
        var walk = new EventChainWalk(first.Id - 1, first.PrevHash ?? EventChain.Genesis);
        foreach (var e in events)
        {
            if (!walk.Add(e))
            {
                break;
            }
        }
        return walk.Finish();
    }
}
