namespace Timmy.Tests.Router.Fakes;

/// <summary>What a fake LLM server does with one chat request.</summary>
public sealed record FakeReply(FakeReplyKind Kind, string Text = "", int Status = 200, int TokensBeforeDrop = 0)
{
    /// <summary>Arguments of a <see cref="FakeReplyKind.ToolCall"/>.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; init; } = new Dictionary<string, object?>();

    public static FakeReply Answer(string text) => new(FakeReplyKind.Answer, text);

    public static FakeReply Error(int status) => new(FakeReplyKind.Error, Status: status);

    /// <summary>Never answers; ends when the client gives up.</summary>
    public static FakeReply Stall() => new(FakeReplyKind.Stall);

    /// <summary>Streams <paramref name="tokens"/> tokens of <paramref name="text"/>, then drops the connection.</summary>
    public static FakeReply DropAfter(int tokens, string text = "one two three four") => new(FakeReplyKind.Drop, text, TokensBeforeDrop: tokens);

    /// <summary>Waits for <see cref="LoopbackServer.ReleaseHeld"/>, then answers <paramref name="text"/> as usual.</summary>
    public static FakeReply Held(string text = "hello from the fake") => new(FakeReplyKind.Held, text);

    /// <summary>Asks the client to call the tool <paramref name="name"/> (Ollama fake only).</summary>
    public static FakeReply ToolCall(string name, IReadOnlyDictionary<string, object?> arguments) =>
        new(FakeReplyKind.ToolCall, name) { Arguments = arguments };
}

public enum FakeReplyKind
{
    Answer,
    Error,
    Stall,
    Drop,
    Held,
    ToolCall,
}
