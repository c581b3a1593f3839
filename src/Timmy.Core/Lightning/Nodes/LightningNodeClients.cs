using Timmy.Core.Lightning.Nodes.CoreLightning;
using Timmy.Core.Lightning.Nodes.Lnbits;
using Timmy.Core.Lightning.Nodes.Lnd;

namespace Timmy.Core.Lightning.Nodes;

/// <summary>Picks the REST client for a connection string's <c>type</c>. The simulated node is built by its own
/// feature, so asking here for one is a mistake.</summary>
public static class LightningNodeClients
{
    /// <param name="http">The client to send through; when null, one is made over
    /// <see cref="LightningHttp.CreateHandler"/> with no overall timeout, since settlement streams stay open (each
    /// call still has its own deadline).</param>
    public static ILightningNode Create(LightningConnectionString connection, HttpClient? http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(time);
        if (connection.Type == LightningNodeKind.Simulated)
        {
            throw new NotSupportedException("The simulated node is not a REST node; it is built by the ledger's node registration.");
        }
        http ??= new HttpClient(LightningHttp.CreateHandler(connection)) { Timeout = Timeout.InfiniteTimeSpan };
        return connection.Type switch
        {
            LightningNodeKind.LndRest => new LndRestNode(connection, http, time),
            LightningNodeKind.CoreLightningRest => new CoreLightningRestNode(connection, http, time),
            LightningNodeKind.Lnbits => new LnbitsNode(connection, http, time),
            _ => throw new NotSupportedException($"No REST client for node type '{connection.Type}'."),
        };
    }
}
