using Timmy.Core.Lightning.Nodes;
using Timmy.Core.Lightning.Nodes.CoreLightning;
using Timmy.Core.Lightning.Nodes.Lnbits;
using Timmy.Core.Lightning.Nodes.Lnd;

namespace Timmy.Tests.Lightning.Nodes;

public sealed class LightningNodeClientsTests
{
    [Theory]
    [InlineData("type=lnd-rest;server=https://n.example;macaroon=00ff", typeof(LndRestNode))]
    [InlineData("type=clightning-rest;server=https://n.example;rune=r", typeof(CoreLightningRestNode))]
    [InlineData("type=lnbits;server=https://n.example;api-key=k", typeof(LnbitsNode))]
    public void Create_PicksTheClientForTheType(string value, Type expected)
    {
        using var http = new HttpClient();

        var node = LightningNodeClients.Create(LightningConnectionString.Parse(value), http, TimeProvider.System);

        Assert.IsType(expected, node);
    }

    [Fact]
    public void Create_Simulated_IsNotARestNode()
    {
        Assert.Throws<NotSupportedException>(() => LightningNodeClients.Create(LightningConnectionString.Parse("type=simulated"), null, TimeProvider.System));
    }
}
