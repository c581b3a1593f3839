namespace Timmy.Core.Lightning.Nodes;

public enum NodePaymentState
{
    Pending,
    Succeeded,
    Failed,
}
