namespace Timmy.Core.Lightning.L402;

/// <summary>A token with the root key its macaroon was signed with: only verification reads it.</summary>
public sealed record L402KeyedToken(L402Token Token, byte[] RootKey);
