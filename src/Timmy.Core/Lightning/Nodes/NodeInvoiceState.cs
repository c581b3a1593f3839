namespace Timmy.Core.Lightning.Nodes;

/// <summary>Open (waiting to be paid), Settled (paid), Expired (its time ran out unpaid) or Cancelled (the node
/// withdrew it).</summary>
public enum NodeInvoiceState
{
    Open,
    Settled,
    Expired,
    Cancelled,
}
