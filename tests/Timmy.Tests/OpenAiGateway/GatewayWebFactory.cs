using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Timmy.Core.Router;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.OpenAiGateway;

/// <summary>The host with an environment holding <see cref="KeyVariable"/> (the upstream provider's key) and any
/// services a test adds.</summary>
public sealed class GatewayWebFactory(Action<IServiceCollection>? services = null) : TimmyWebFactory
{
    public const string KeyVariable = "TEST_GATEWAY_KEY";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton(new RouterEnvironment(name => name == KeyVariable ? "sk-test" : null));
            services?.Invoke(s);
        });
    }
}
