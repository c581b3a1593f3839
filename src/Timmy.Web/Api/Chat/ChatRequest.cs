namespace Timmy.Web.Api.Chat;

/// <summary>The body of <c>POST /api/v1/chat</c> and <c>/chat/stream</c>: the question, and the conversation to continue (none: a new one).</summary>
public sealed record ChatRequest(string? Message, string? SessionId);
