namespace Timmy.Core.Router.Status;

/// <summary>Everything the status page and <c>GET /api/v1/router/status</c> show, at one moment.</summary>
public sealed record RouterStatus(DateTimeOffset GeneratedAt, string? PreferredProvider, IReadOnlyList<ProviderStatus> Providers);
