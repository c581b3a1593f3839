using Timmy.Core.Lightning.L402;

namespace Timmy.Web.Api.Lightning.L402;

/// <summary>The request feature a valid L402 token leaves on <c>HttpContext.Features</c>: which token paid, how many
/// model tokens it has left (null when the route is not priced per token), and the model tokens the endpoint reports
/// with <see cref="RecordTokens"/>, which <see cref="L402Gate"/> counts against the token after the response.</summary>
public sealed class L402Grant(L402Token token)
{
    private long _recorded;

    public string TokenId { get; } = token.TokenId;

    public long? TokensRemaining => token.TokensRemaining is { } left ? Math.Max(0, left - TokensRecorded) : null;

    public long TokensRecorded => Interlocked.Read(ref _recorded);

    public void RecordTokens(long tokens) => Interlocked.Add(ref _recorded, Math.Max(0, tokens));
}
