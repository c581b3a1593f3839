using System.Text.Json;

namespace Timmy.Core.Lightning.Nodes.Lnd.Models;

/// <summary>One newline-delimited object of a streamed REST answer: <c>{"result":{…}}</c>, or <c>{"error":{"code",
/// "message","details"}}</c> when the stream fails.</summary>
internal sealed record LndStreamLine<T>
{
    public T? Result { get; init; }
    public JsonElement? Error { get; init; }
}
