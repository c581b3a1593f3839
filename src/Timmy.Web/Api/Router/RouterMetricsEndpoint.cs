using System.Globalization;
using System.Text;
using Timmy.Core.Router;
using Timmy.Core.Router.Circuit;
using Timmy.Core.Security;
using Timmy.Web.Auth;

namespace Timmy.Web.Api.Router;

/// <summary><c>GET /metrics</c> in the Prometheus text format (0.0.4), written here from the router's own
/// snapshot: the OpenTelemetry Prometheus exporter is prerelease only. The same figures are also published
/// on the <c>Timmy.Router</c> meter for OpenTelemetry.</summary>
public static class RouterMetricsEndpoint
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static IEndpointRouteBuilder MapRouterMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", (RouterService router) => TypedResults.Text(Render(router), ContentType))
            .RequireScope(ApiScopes.RouterRead)
            .WithName("PrometheusMetrics").WithSummary("Router metrics in Prometheus text format.").ExcludeFromDescription();
        return app;
    }

    public static string Render(RouterService router)
    {
        var status = router.GetStatus();
        var text = new StringBuilder();
        void Family(string name, string type, string help, Func<Core.Router.Status.ProviderStatus, double?> value)
        {
            text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
            foreach (var p in status.Providers)
            {
                if (value(p) is { } v)
                {
                    text.Append(name).Append("{provider=\"").Append(Escape(p.Name)).Append("\"} ")
                        .Append(v.ToString("0.###", CultureInfo.InvariantCulture)).Append('\n');
                }
            }
        }
        Family("timmy_router_requests_total", "counter", "Calls placed with a provider.", p => p.Metrics.Requests);
        Family("timmy_router_successes_total", "counter", "Calls a provider answered.", p => p.Metrics.Successes);
        Family("timmy_router_failures_total", "counter", "Calls a provider failed.", p => p.Metrics.Failures);
        Family("timmy_router_latency_avg_ms", "gauge", "Average call latency in milliseconds.", p => p.Metrics.AvgLatencyMs);
        Family("timmy_router_latency_p95_ms", "gauge", "95th percentile latency of recent calls in milliseconds.", p => p.Metrics.P95LatencyMs);
        Family("timmy_router_ttft_avg_ms", "gauge", "Average streaming time to first token in milliseconds.", p => p.Metrics.AvgTimeToFirstTokenMs);
        Family("timmy_router_tokens_in_total", "counter", "Prompt tokens sent.", p => p.Metrics.TokensIn);
        Family("timmy_router_tokens_out_total", "counter", "Completion tokens received.", p => p.Metrics.TokensOut);
        Family("timmy_router_circuit_state", "gauge", "Circuit state: 0 closed, 1 open, 2 half-open.", p => p.CircuitState switch
        {
            CircuitState.Open => 1,
            CircuitState.HalfOpen => 2,
            _ => 0,
        });
        Family("timmy_router_provider_enabled", "gauge", "1 when the provider is enabled.", p => p.Enabled ? 1 : 0);
        Family("timmy_router_provider_preferred", "gauge", "1 for the preferred provider.", p => p.Name == status.PreferredProvider ? 1 : 0);
        return text.ToString();
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
