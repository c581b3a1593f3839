namespace Timmy.Tests.Lightning.Nodes.Fakes;

/// <summary>An outgoing payment in a fake node's books.</summary>
public sealed record FakePayment(string Hash, string Preimage, string Bolt11, long AmountMsat, long FeeMsat, DateTimeOffset CreatedAt);
