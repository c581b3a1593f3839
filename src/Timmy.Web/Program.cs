using Timmy.Core.Events;
using Timmy.Core.Lightning;
using Timmy.Core.Memory;
using Timmy.Core.Router;
using Timmy.Core.Storage;
using Timmy.Core.Swarm;
using Timmy.Core.Upgrades;
using Timmy.Web.Api.Chat;
using Timmy.Web.Api.Events;
using Timmy.Web.Api.Lightning;
using Timmy.Web.Api.Lightning.L402;
using Timmy.Web.Api.Memory;
using Timmy.Web.Api.OpenAiGateway;
using Timmy.Web.Api.Router;
using Timmy.Web.Api.Swarm;
using Timmy.Web.Api.Tokens;
using Timmy.Web.Api.Upgrades;
using Timmy.Web.Auth;
using Timmy.Web.Cli;
using Timmy.Web.Components;
using Timmy.Web.Components.Events;
using Timmy.Web.Components.Lightning;
using Timmy.Web.Components.Memory;
using Timmy.Web.Components.Router;
using Timmy.Web.Components.Swarm;
using Timmy.Web.Components.Upgrades;
using Timmy.Web.Hosting;

var commandLine = TimmyCommandLine.Parse(args);
if (commandLine.Verb == TimmyCommandLine.Help || !TimmyCommandLine.Verbs.Contains(commandLine.Verb))
{
    var known = commandLine.Verb == TimmyCommandLine.Help;
    (known ? Console.Out : Console.Error).WriteLine(known ? TimmyCommandLine.Usage : $"Unknown verb '{commandLine.Verb}'.\n\n{TimmyCommandLine.Usage}");
    return known ? 0 : 2;
}

if (TimmyCommandLine.IsServerClient(commandLine.Verb))
{
    return commandLine.Verb switch
    {
        TimmyCommandLine.MemoryVerb => await MemoryCommand.RunFromConsoleAsync(commandLine.ArgumentsBesideVerb, Environment.GetEnvironmentVariable),
        TimmyCommandLine.LightningVerb => await LightningCommand.RunFromConsoleAsync(commandLine.ArgumentsBesideVerb, Environment.GetEnvironmentVariable),
        TimmyCommandLine.UpgradesVerb => await UpgradesCommand.RunFromConsoleAsync(commandLine.ArgumentsBesideVerb, Environment.GetEnvironmentVariable),
        TimmyCommandLine.SelfModifyVerb => await SelfModifyCommand.RunFromConsoleAsync(commandLine.ArgumentsBesideVerb, Environment.GetEnvironmentVariable),
        _ => await SwarmCommand.RunFromConsoleAsync(commandLine.Verb, commandLine.ArgumentsBesideVerb, Environment.GetEnvironmentVariable),
    };
}

var builder = TimmyHostDefaults.CreateBuilder(commandLine.HostArguments);
if (commandLine.Verb is TimmyCommandLine.Chat or TimmyCommandLine.Events)
{
    // The terminal belongs to the conversation or the verdict: only warnings and errors are logged beside it.
    builder.Logging.AddFilter("Timmy", LogLevel.Warning).AddFilter("Microsoft", LogLevel.Warning);
}
builder.Services.AddTimmyWebDefaults();
builder.Services.AddStorage();
builder.Services.AddTimmyAuth();
builder.Services.AddEvents();
builder.Services.AddRouter();
builder.Services.AddChat();
builder.Services.AddSwarm();
builder.Services.AddMemory();
builder.Services.AddLightning();
builder.Services.AddUpgrades();
builder.Services.AddL402Gate();
builder.Services.AddActivityFeed();
builder.Services.AddSwarmPages();
builder.Services.AddMemoryPages();
builder.Services.AddLightningPages();
builder.Services.AddUpgradePages();
builder.Services.AddRazorComponents();

var app = builder.Build();
if (commandLine.Verb == TimmyCommandLine.Migrate)
{
    return await app.RunMigrateVerbAsync();
}
if (!await app.PrepareAsync(serving: commandLine.Verb == TimmyCommandLine.Serve))
{
    return 1;
}
if (commandLine.Verb == TimmyCommandLine.Chat)
{
    return await ChatCommand.RunAsync(app, commandLine.VerbArguments);
}
if (commandLine.Verb == TimmyCommandLine.Events)
{
    return await EventsCommand.RunAsync(app.Services.GetRequiredService<EventReader>(), commandLine.VerbArguments, Console.Out, Console.Error);
}

app.UseTimmyWebDefaults();
app.UseL402();
app.MapHealthEndpoints();
app.MapRouterEndpoints();
app.MapChatEndpoints();
app.MapOpenAiGateway();
app.MapAuthEndpoints();
app.MapTokenEndpoints();
app.MapEventEndpoints();
app.MapSwarmEndpoints();
app.MapMemoryEndpoints();
app.MapLightningEndpoints();
app.MapLightningPayEndpoints();
app.MapL402Endpoints();
app.MapUpgradeEndpoints();
app.MapUpgradeDecisionEndpoints();
app.MapActivityFeed();
app.MapEventFragments();
app.MapRouterFragments();
app.MapSwarmFragments();
app.MapMemoryFragments();
app.MapLightningFragments();
app.MapUpgradeFragments();
app.MapUpgradeForms();
app.MapRazorComponents<App>();

await app.RunAsync();
return 0;

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
