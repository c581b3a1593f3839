using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Lightning.Nodes;
using Timmy.Core.Lightning.Nodes.Simulated;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Lightning.Nodes.Simulated;

/// <summary>A migrated database on a fake clock with simulated nodes on it, each starting with
/// <see cref="StartingSats"/>.</summary>
internal sealed class SimulatedNetwork : IAsyncDisposable
{
    public const long StartingSats = 10_000;

    private SimulatedNetwork(TestDatabase db, FakeTimeProvider time)
    {
        Db = db;
        Time = time;
    }

    public TestDatabase Db { get; }

    public FakeTimeProvider Time { get; }

    public static async Task<SimulatedNetwork> CreateAsync()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T12:00:00.250Z"));
        return new SimulatedNetwork(await TestDatabase.CreateAsync(time), time);
    }

    public SimulatedLightningNode Node(string name) => new(name, Db.Connections, Time, StartingSats);

    public static CreateInvoiceRequest Request(long amountMsat = 5_000_000, string memo = "a test invoice") =>
        new(amountMsat, memo, TimeSpan.FromMinutes(30));

    public static PayInvoiceRequest Pay(string bolt11) => new(bolt11, MaxFeeMsat: 1_000, TimeSpan.FromSeconds(10));

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
