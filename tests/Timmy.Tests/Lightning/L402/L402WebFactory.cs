using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Timmy.Core.Lightning.L402;
using Timmy.Core.Router;
using Timmy.Core.Router.Providers;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Router;

namespace Timmy.Tests.Lightning.L402;

/// <summary>The host with the in-memory ledger as its <see cref="IL402Ledger"/> and one fake model as its cascade.</summary>
public sealed class L402WebFactory : TimmyWebFactory
{
    public L402WebFactory()
    {
        Settings.AddRouterProvider(0, "local", ProviderTypes.Ollama, "http://127.0.0.1:9", "llama3.2", 1);
        Settings["Timmy:Router:Retries"] = "0";
        Settings["Timmy:Lightning:L402:ChallengesPerMinutePerClient"] = "3";
        Settings["Timmy:Lightning:L402:Routes:0:Method"] = "POST";
        Settings["Timmy:Lightning:L402:Routes:0:Path"] = "/api/v1/serve/chat";
        Settings["Timmy:Lightning:L402:Routes:0:PricePer1000TokensSats"] = "10";
        Settings["Timmy:Lightning:L402:Routes:0:PrepaidTokens"] = "1000";
    }

    public FakeL402Ledger Ledger { get; } = new();

    public UsageReportingChatClient Model { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<IL402Ledger>(Ledger);
            s.AddRouterProviderFactory(ProviderTypes.Ollama, (_, _) => ProviderClient.Ready(Model, Model));
        });
    }
}
