using Timmy.Core.Lightning.Nodes;
using Timmy.Core.Lightning.Nodes.Simulated;
using Timmy.Core.Storage;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Lightning.Pages;

/// <summary>Another simulated node on the test server's database: its invoices are ones the server's simulated node can
/// pay (simulated nodes sharing a database pay each other).</summary>
internal static class OutsideWallet
{
    public const string Name = "outside-wallet";

    public static async Task<string> InvoiceAsync(TimmyWebFactory factory, long sats, string memo, CancellationToken ct)
    {
        var node = new SimulatedLightningNode(Name, factory.Service<IDbConnectionFactory>(), TimeProvider.System, 0);
        return (await node.CreateInvoiceAsync(new CreateInvoiceRequest(sats * 1000, memo, TimeSpan.FromHours(1)), ct)).Bolt11;
    }
}
