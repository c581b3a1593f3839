namespace Timmy.Core.Lightning.Nodes;

public enum LightningNodeFailure
{
    /// <summary>The node could not be reached, timed out, or answered with a server error: try again later.</summary>
    Unavailable,

    /// <summary>The node understood and said no (bad invoice, no route, insufficient balance, already paid).</summary>
    Refused,

    /// <summary>The node refused our credentials (macaroon, rune, API key).</summary>
    Unauthorized,
}
