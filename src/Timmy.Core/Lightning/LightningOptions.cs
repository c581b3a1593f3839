namespace Timmy.Core.Lightning;

/// <summary>Settings of the Lightning feature (section <c>Timmy:Lightning</c>; L402's own are under
/// <c>Timmy:Lightning:L402</c>).</summary>
public sealed class LightningOptions
{
    public const string SectionName = "Timmy:Lightning";

    /// <summary>Which node to use, BTCPay-style: <c>type=lnd-rest;server=https://…;macaroon=…</c>,
    /// <c>type=clightning-rest;server=…;rune=…</c>, <c>type=lnbits;server=…;api-key=…</c> or <c>type=simulated</c>
    /// (the default: a local node that issues real invoices and settles one only when it is paid). Environment:
    /// <c>Timmy__Lightning__ConnectionString</c>.</summary>
    public string ConnectionString { get; set; } = "type=simulated";

    /// <summary>How long an invoice may be paid when its creator does not say.</summary>
    public TimeSpan InvoiceExpiry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Largest invoice that may be created, in sats.</summary>
    public long MaxInvoiceSats { get; set; } = 10_000_000;

    /// <summary>Most a payment's routing may cost when the payer does not say: the larger of this many sats and
    /// <see cref="DefaultMaxFeePercent"/> of the amount.</summary>
    public long DefaultMaxFeeSats { get; set; } = 10;

    public double DefaultMaxFeePercent { get; set; } = 1.0;

    /// <summary>How long a payment call waits for its outcome before leaving it to the reconciler.</summary>
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often every pending ledger entry is checked against the node (also once at start-up).</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether a completed task pays its winner (personas into their internal balance, remote agents over
    /// Lightning to the invoice they hand in).</summary>
    public bool PayAgents { get; set; } = true;

    /// <summary>The simulated node's spendable balance before anything is received or paid, in sats.</summary>
    public long SimulatedStartingBalanceSats { get; set; } = 1_000_000;
}
