namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>One model: <c>owned_by</c> names the provider that serves it (<c>timmy</c> for the whole cascade).</summary>
public sealed record ModelEntry(string Id, string Object, long Created, string OwnedBy);
