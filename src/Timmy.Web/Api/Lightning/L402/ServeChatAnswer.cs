namespace Timmy.Web.Api.Lightning.L402;

/// <summary>The answer of <c>POST /api/v1/serve/chat</c>.</summary>
public sealed record ServeChatAnswer(string Answer, string Model, ServeChatUsage Usage);
