namespace Timmy.Core.Lightning.Bolt11;

/// <summary>A BOLT11 string that cannot be accepted. <see cref="Exception.Message"/> is always
/// <c>invalid invoice: &lt;reason&gt;</c>; <see cref="Reason"/> is the part after the colon.</summary>
public sealed class InvalidInvoiceException(string reason, Exception? inner = null) : Exception("invalid invoice: " + reason, inner)
{
    public string Reason { get; } = reason;
}
