namespace Timmy.Tests.Lightning.Nodes.Fakes;

/// <summary>An invoice from elsewhere that the fake node knows how to pay: what it costs, what the payee reveals,
/// or the words the node refuses it with.</summary>
public sealed record FakePayable(string Bolt11, string Hash, string Preimage, long AmountMsat, long FeeMsat)
{
    public string? Refusal { get; init; }
}
