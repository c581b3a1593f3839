namespace Timmy.Core.Lightning.L402;

/// <summary>The one exception <see cref="Macaroon.Deserialize"/> and <see cref="Macaroon.FromBase64"/> throw for any
/// input that is not a well-formed libmacaroons v2 macaroon (truncated, garbage, wrong version, fields out of order,
/// bad base64); the message says what was wrong, never the input itself.</summary>
public sealed class MacaroonFormatException(string message) : Exception(message);
