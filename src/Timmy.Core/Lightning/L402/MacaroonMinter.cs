namespace Timmy.Core.Lightning.L402;

/// <summary>Makes macaroons with a root key: the identifier and first-party caveats, signed along
/// <see cref="MacaroonChain"/>.</summary>
public static class MacaroonMinter
{
    public static Macaroon Mint(ReadOnlySpan<byte> rootKey, byte[] identifier, string? location, IEnumerable<string> predicates)
    {
        var macaroon = new Macaroon(location, identifier, [], MacaroonChain.Start(rootKey, identifier));
        foreach (var predicate in predicates)
        {
            macaroon = macaroon.WithFirstPartyCaveat(predicate);
        }
        return macaroon;
    }
}
