namespace Timmy.Web.Api.OpenAiGateway;

/// <summary><c>stream_options</c>: <c>include_usage</c> adds a last chunk with the token counts.</summary>
public sealed record StreamOptions(bool? IncludeUsage);
