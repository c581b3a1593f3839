namespace Timmy.Web.Api.Router;

/// <summary>Answer of <c>GET /api/v1/router/history</c>: per-minute points, oldest first.</summary>
public sealed record RouterHistoryResponse(DateTimeOffset Since, IReadOnlyList<RouterHistoryPoint> Points)
{
    public const int MaxMinutes = 7 * 24 * 60;
}
