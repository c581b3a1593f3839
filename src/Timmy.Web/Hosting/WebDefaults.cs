using System.Text.Json;
using System.Text.Json.Serialization;
using Timmy.Core.Storage;

namespace Timmy.Web.Hosting;

/// <summary>What every feature shares: JSON shape, ProblemDetails, health checks, OpenAPI.</summary>
public static class WebDefaults
{
    public static IServiceCollection AddTimmyWebDefaults(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, tags: ["ready"]);
        services.AddOpenApi();
        return services;
    }

    public static WebApplication UseTimmyWebDefaults(this WebApplication app)
    {
        // Malformed request bodies are the client's fault: 400 ProblemDetails, never a 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }

    public static async Task<int> RunMigrateVerbAsync(this WebApplication app)
    {
        var migrator = app.Services.GetRequiredService<Migrator>();
        var applied = await migrator.MigrateAsync();
        Console.WriteLine(applied.Count == 0
            ? $"Database {app.Services.GetRequiredService<IDbConnectionFactory>().Describe()} is up to date (version {await migrator.CurrentVersionAsync()})."
            : $"Applied {applied.Count} migration(s): {string.Join(", ", applied.Select(m => $"{m.Version} {m.Name}"))}.");
        return 0;
    }
}
