using System.Runtime.CompilerServices;
using System.Text.Json;
using Timmy.Core.Lightning.Nodes.Lnd.Models;
using Timmy.Core.Lightning.Nodes.Rest;

namespace Timmy.Core.Lightning.Nodes.Lnd;

/// <summary>Reads a streamed LND REST answer: one JSON object per line, each a result or an error.</summary>
internal static class LndStream
{
    public static async IAsyncEnumerable<LndStreamLine<T>> ReadAsync<T>(
        HttpResponseMessage response,
        NodeRestTransport transport,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Stream body;
        try
        {
            body = await response.Content.ReadAsStreamAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw transport.Unavailable("dropped the stream: " + e.Message, e);
        }
        using var reader = new StreamReader(body);
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                throw transport.Unavailable("dropped the stream: " + e.Message, e);
            }
            if (line is null)
            {
                yield break;
            }
            if (line.Length == 0)
            {
                continue;
            }
            yield return Parse<T>(line, transport);
        }
    }

    private static LndStreamLine<T> Parse<T>(string line, NodeRestTransport transport)
    {
        try
        {
            return JsonSerializer.Deserialize<LndStreamLine<T>>(line, NodeJson.Options)
                ?? throw transport.Unavailable("sent an empty stream message");
        }
        catch (JsonException e)
        {
            throw transport.Unavailable("sent a stream message this client does not understand: " + e.Message, e);
        }
    }
}
