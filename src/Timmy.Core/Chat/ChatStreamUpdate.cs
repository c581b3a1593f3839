namespace Timmy.Core.Chat;

/// <summary>One step of a streamed answer: a piece of text, or (last) the stored answer or error turn.</summary>
public sealed record ChatStreamUpdate(string? Text, ChatAnswer? Answer);
