using Timmy.Core.Storage;

namespace Timmy.Web.Hosting;

/// <summary>Start-up defaults shared by every verb: where to listen and where the data lives.</summary>
public static class TimmyHostDefaults
{
    public const string DefaultUrl = "http://127.0.0.1:8000";

    public static WebApplicationBuilder CreateBuilder(string[] hostArgs)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs });
        // Serve wwwroot (and its pre-compressed copies) from a build as well as from a publish, whatever
        // the environment: `dotnet run` without a launch profile is "Production".
        builder.WebHost.UseStaticWebAssets();
        // Precedence for the data folder: --data-dir, then TIMMY_DATA_DIR, then configuration, then ./data.
        var dataDir = builder.Configuration["data-dir"] ?? Environment.GetEnvironmentVariable("TIMMY_DATA_DIR");
        if (!string.IsNullOrWhiteSpace(dataDir))
        {
            builder.Configuration[$"{StorageOptions.SectionName}:DataDirectory"] = dataDir;
        }
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]) && string.IsNullOrWhiteSpace(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        return builder;
    }
}
