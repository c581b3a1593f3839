namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>Answer of <c>GET /v1/models</c> (<c>object: "list"</c>).</summary>
public sealed record ModelList(string Object, IReadOnlyList<ModelEntry> Data);
