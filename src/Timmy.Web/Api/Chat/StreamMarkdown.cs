namespace Timmy.Web.Api.Chat;

/// <summary>The <c>markdown</c> event of a stream: the answer so far, rendered as the finished turn renders it.</summary>
public sealed record StreamMarkdown(string Html);
