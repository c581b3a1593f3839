using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Timmy.Web.Hosting;

/// <summary><c>/health</c> (open to anyone: status, version, uptime, database) and <c>/health/ready</c>
/// (every registered readiness check).</summary>
public static class HealthEndpoints
{
    public static string Version { get; } =
        typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealthAsync).AllowAnonymous().WithName("Health").WithTags("Health").ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteReadyAsync })
            .AllowAnonymous();
        return app;
    }

    private static async Task<JsonHttpResult<HealthReportDto>> GetHealthAsync(HealthCheckService checks, CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(c => c.Tags.Contains("ready"), cancellationToken);
        var databaseOk = report.Entries.TryGetValue(DatabaseHealthCheck.Name, out var db) && db.Status == HealthStatus.Healthy;
        var uptime = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var body = new HealthReportDto(
            databaseOk ? "ok" : "degraded",
            Version,
            (long)uptime.TotalSeconds,
            databaseOk ? "ok" : db.Description ?? "unavailable");
        return TypedResults.Json(body, statusCode: databaseOk ? 200 : 503);
    }

    /// <summary>The overall status and each check's own words (<c>{"status":"Unhealthy","checks":{"database":"database busy: …"}}</c>).</summary>
    private static Task WriteReadyAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Description ?? e.Value.Status.ToString()),
        });

    public sealed record HealthReportDto(string Status, string Version, long UptimeSeconds, string Database);
}
