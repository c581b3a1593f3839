namespace Timmy.Web.Api.Memory;

/// <summary>The body of <c>PATCH /api/v1/memory/{id}</c>: new content (facts only; other entries are a record and answer
/// 409) and/or whether the agents may see the entry. A part left out stays as it is; at least one is needed.</summary>
public sealed record EditMemoryRequest(string? Content, bool? Shared);
