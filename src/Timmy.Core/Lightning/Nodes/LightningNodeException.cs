namespace Timmy.Core.Lightning.Nodes;

/// <summary>A node call that did not succeed. <see cref="Exception.Message"/> says what happened in the node's own
/// words where it gave some; never a credential.</summary>
public sealed class LightningNodeException(LightningNodeFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public LightningNodeFailure Failure { get; } = failure;
}
