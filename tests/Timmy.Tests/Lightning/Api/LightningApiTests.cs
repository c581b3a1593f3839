using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Timmy.Core.Lightning.Nodes;
using Timmy.Core.Lightning.Nodes.Simulated;
using Timmy.Core.Storage;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Swarm;

namespace Timmy.Tests.Lightning.Api;

/// <summary>A test class of the Lightning API: each test gets its own host on the simulated node and a client with an
/// all-powers token, plus an outside simulated wallet on the same database (simulated nodes sharing a database pay
/// each other).</summary>
public abstract class LightningApiTests : IAsyncLifetime
{
    protected TimmyWebFactory Factory { get; private set; } = null!;

    protected HttpClient Owner { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A wallet outside the server: its invoices are what the server pays.</summary>
    protected SimulatedLightningNode Outside { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Factory = new TimmyWebFactory();
        Owner = await Factory.CreateOwnerClientAsync();
        Outside = new SimulatedLightningNode("outside-wallet", Factory.Service<IDbConnectionFactory>(), TimeProvider.System, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected async Task<JsonElement> CreateInvoiceAsync(long sats, string? memo = "coffee", int? expirySeconds = null)
    {
        using var response = await Owner.PostAsJsonAsync("/api/v1/lightning/invoices", new { amount_sats = sats, memo, expiry_seconds = expirySeconds }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.BodyAsync();
    }

    protected async Task<NodeInvoice> OutsideInvoiceAsync(long sats, string memo = "a book", TimeSpan? expiry = null) =>
        await Outside.CreateInvoiceAsync(new CreateInvoiceRequest(sats * 1000, memo, expiry ?? TimeSpan.FromHours(1)), Ct);

    protected Task<HttpResponseMessage> PayAsync(string invoice, long? maxFee = null, long? amount = null) =>
        Owner.PostAsJsonAsync("/api/v1/lightning/payments", new { invoice, max_fee_sats = maxFee, amount_sats = amount }, Ct);

    protected Task<JsonElement> BalanceAsync() => Owner.GetJsonAsync("/api/v1/lightning/balance");
}
