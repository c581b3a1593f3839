namespace Timmy.Core.Lightning.Nodes;

/// <summary>What the node holds: spendable over Lightning (its channels' local side, or the wallet's balance for
/// LNbits), and on-chain where the backend reports it.</summary>
public sealed record NodeBalance(long LightningMsat, long? OnchainSats);
