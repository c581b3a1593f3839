namespace Timmy.Web.Api.Router;

/// <summary>One chat message of a completion request.</summary>
public sealed record RouterCompleteMessage(string Role, string Content);
