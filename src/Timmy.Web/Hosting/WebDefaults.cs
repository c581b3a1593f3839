using System.Text.Json;
using Microsoft.Extensions.Options;
using Timmy.Core.Events;
using Timmy.Core.Security;
using Timmy.Core.Storage;
using Timmy.Web.Auth;

namespace Timmy.Web.Hosting;

/// <summary>What every feature shares: JSON shape, ProblemDetails, health checks, OpenAPI, the middleware
/// order, and the start-up steps (migrations, owner password, banner).</summary>
public static class WebDefaults
{
    public static IServiceCollection AddTimmyWebDefaults(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Encoder = EventJson.Options.Encoder;
            foreach (var converter in EventJson.Options.Converters)
            {
                o.SerializerOptions.Converters.Add(converter);
            }
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ValidationErrorNames.UseJsonNames);
        // Request records are checked by their DataAnnotations (and IValidatableObject) before a handler runs; a
        // body that cannot be read at all throws, so that ProblemExceptionHandler can name the field at fault.
        services.AddValidation();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, tags: ["ready"]);
        services.AddOpenApi();
        services.AddHostedService<StartupBanner>();
        return services;
    }

    /// <summary>Migrates the database and applies <c>TIMMY_ADMIN_PASSWORD</c> (when <paramref name="serving"/>, its
    /// absence turns password sign-in off); on a configuration problem prints each message and returns false.</summary>
    public static async Task<bool> PrepareAsync(this WebApplication app, bool serving = true)
    {
        try
        {
            await app.Services.GetRequiredService<Migrator>().MigrateAsync();
            await app.Services.GetRequiredService<OwnerPasswordService>()
                .ApplyAsync(app.Configuration[OwnerPasswordService.EnvironmentVariable], forgetWhenUnset: serving);
            return true;
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException || DataFolderProblem.Is(ex))
        {
            var messages = ex is OptionsValidationException validation ? validation.Failures
                : DataFolderProblem.Is(ex) ? [DataFolderProblem.Describe(app, ex)]
                : [ex.Message];
            Console.Error.WriteLine($"Timmy cannot start: {messages.Count()} problem(s).");
            foreach (var message in messages)
            {
                Console.Error.WriteLine("  - " + message);
            }
            return false;
        }
    }

    public static WebApplication UseTimmyWebDefaults(this WebApplication app)
    {
        // Requests that fail binding and refusals are the client's to fix: ProblemExceptionHandler answers them
        // with their 4xx in every environment, never a 500.
        app.UseExceptionHandler();
        app.UseTimmyStatusCodePages();
        app.UseSecurityHeaders();
        app.UseRoutingRejections();
        app.UseWebSockets();
        app.UseSameOriginGuard();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(AuthSetup.AnyOwnerPolicy);
        return app;
    }

    public static async Task<int> RunMigrateVerbAsync(this WebApplication app)
    {
        Migrator migrator;
        IReadOnlyList<Migration> applied;
        try
        {
            migrator = app.Services.GetRequiredService<Migrator>();
            applied = await migrator.MigrateAsync();
        }
        catch (Exception ex) when (DataFolderProblem.Is(ex))
        {
            Console.Error.WriteLine("Timmy cannot migrate: " + DataFolderProblem.Describe(app, ex));
            return 1;
        }
        Console.WriteLine(applied.Count == 0
            ? $"Database {app.Services.GetRequiredService<IDbConnectionFactory>().Describe()} is up to date (version {await migrator.CurrentVersionAsync()})."
            : $"Applied {applied.Count} migration(s): {string.Join(", ", applied.Select(m => $"{m.Version} {m.Name}"))}.");
        return 0;
    }
}
