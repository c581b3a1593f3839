namespace Timmy.Core.Lightning.Bolt11;

/// <summary>
/// A BOLT11 invoice's contents: what <see cref="Bolt11Codec.Decode"/> reads and <see cref="Bolt11Codec.Encode"/>
/// signs. Hashes, secrets and keys are lower-case hex (set in any case, kept lower-case); <see cref="Timestamp"/> and
/// <see cref="Expiry"/> are kept to the whole second, as the invoice carries them. Two invoices are equal when every
/// field is, lists compared item by item.
/// </summary>
public sealed record Bolt11Invoice
{
    /// <summary>The currency prefix after <c>ln</c>: bc, tb, tbs, bcrt or sb.</summary>
    public required string Network { get; init; }

    /// <summary>The amount asked for in milli-satoshis; null when the payer chooses (a donation).</summary>
    public long? AmountMsat { get; init; }

    public required DateTimeOffset Timestamp
    {
        get;
        init => field = DateTimeOffset.FromUnixTimeSeconds(value.ToUnixTimeSeconds());
    }

    /// <summary>SHA-256 of the preimage that proves payment (<c>p</c>), 32 bytes.</summary>
    public required string PaymentHash { get; init => field = value.ToLowerInvariant(); }

    /// <summary>The secret a payer sends along so forwarding nodes cannot probe the payee (<c>s</c>), 32 bytes.</summary>
    public string? PaymentSecret { get; init => field = value?.ToLowerInvariant(); }

    /// <summary>What the payment is for (<c>d</c>).</summary>
    public string? Description { get; init; }

    /// <summary>SHA-256 of a longer description kept elsewhere (<c>h</c>), 32 bytes.</summary>
    public string? DescriptionHash { get; init => field = value?.ToLowerInvariant(); }

    /// <summary>Data the payer hands back to the payee with the payment (<c>m</c>).</summary>
    public string? PaymentMetadata { get; init => field = value?.ToLowerInvariant(); }

    /// <summary>How long after <see cref="Timestamp"/> the invoice may be paid (<c>x</c>).</summary>
    public TimeSpan Expiry
    {
        get;
        init => field = TimeSpan.FromTicks(value.Ticks - value.Ticks % TimeSpan.TicksPerSecond);
    } = TimeSpan.FromHours(1);

    public DateTimeOffset ExpiresAt => Timestamp + Expiry;

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>The fewest blocks the last hop's HTLC must have left when it arrives (<c>c</c>).</summary>
    public int MinFinalCltvExpiry { get; init; } = 18;

    /// <summary>On-chain addresses to pay instead (<c>f</c>), most preferred first.</summary>
    public IReadOnlyList<Bolt11Fallback> Fallbacks { get; init; } = [];

    /// <summary><see cref="Fallbacks"/> written as addresses of <see cref="Network"/>, leaving out any it cannot write.</summary>
    public IReadOnlyList<string> FallbackAddresses => [.. Fallbacks.Select(f => f.ToAddress(Network)).OfType<string>()];

    /// <summary>Private routes to the payee (<c>r</c>), each a list of hops from a public node onward.</summary>
    public IReadOnlyList<IReadOnlyList<Bolt11RouteHop>> RouteHints { get; init; } = [];

    /// <summary>The feature bits (<c>9</c>); null when the invoice sets none.</summary>
    public Bolt11Features? Features { get; init; }

    /// <summary>The payee's node key (hex, 33 bytes compressed): recovered from the signature, or the <c>n</c> field
    /// once the signature is checked against it.</summary>
    public string? PayeeNodeId { get; init => field = value?.ToLowerInvariant(); }

    /// <summary>The encoded invoice (lower case), as decoded or as encoded.</summary>
    public string? Bolt11 { get; init; }

    /// <summary>The amount in whole satoshis; null when the invoice names no amount or one with a fraction of a
    /// satoshi (never rounded: use <see cref="AmountMsat"/> and <see cref="HasWholeSatoshiAmount"/>).</summary>
    public long? AmountSats => AmountMsat is { } msat && msat % 1000 == 0 ? msat / 1000 : null;

    /// <summary>True when the invoice names an amount that is a whole number of satoshis.</summary>
    public bool HasWholeSatoshiAmount => AmountMsat is { } msat && msat % 1000 == 0;

    public bool Equals(Bolt11Invoice? other) =>
        other is not null
        && Network == other.Network && AmountMsat == other.AmountMsat && Timestamp == other.Timestamp
        && PaymentHash == other.PaymentHash && PaymentSecret == other.PaymentSecret && Description == other.Description
        && DescriptionHash == other.DescriptionHash && PaymentMetadata == other.PaymentMetadata && Expiry == other.Expiry
        && MinFinalCltvExpiry == other.MinFinalCltvExpiry && Fallbacks.SequenceEqual(other.Fallbacks)
        && RouteHints.Count == other.RouteHints.Count && RouteHints.Zip(other.RouteHints).All(p => p.First.SequenceEqual(p.Second))
        && Equals(Features, other.Features) && PayeeNodeId == other.PayeeNodeId && Bolt11 == other.Bolt11;

    public override int GetHashCode() => HashCode.Combine(Network, AmountMsat, Timestamp, PaymentHash, Description, PayeeNodeId, Bolt11);
}
