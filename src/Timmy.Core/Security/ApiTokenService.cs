using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Timmy.Core.Events;

namespace Timmy.Core.Security;

/// <summary>Creates, checks and revokes the owner's API tokens. A token is <c>tt_</c> + 32 random bytes
/// (base64url); only its SHA-256 is stored, so a stolen database does not yield usable tokens. Checking a token
/// reads the store at most every <see cref="ApiTokenCache.Lifetime"/> and writes nothing: its use is recorded in
/// memory and stored in the background (<see cref="TokenUseRecorder"/>).</summary>
public sealed class ApiTokenService(IAuthStore store, TimeProvider time, ApiTokenCache cache, TokenUseRecorder uses)
{
    public const string EventSource = "auth";
    public const string TokenPrefix = "tt_";
    public const int MaxNameLength = 80;

    public async Task<CreatedApiToken> CreateAsync(string name, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken = default)
    {
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
        {
            throw new ArgumentException($"A token needs a name of 1 to {MaxNameLength} characters.", nameof(name));
        }
        if (scopes.Count == 0)
        {
            throw new ArgumentException("A token needs at least one scope.", nameof(scopes));
        }
        var unknown = scopes.Where(s => !ApiScopes.IsKnown(s)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"Unknown scope(s): {string.Join(", ", unknown.Select(s => EventSanitizer.Text(s, 40)))}. " +
                $"Known: {string.Join(", ", ApiScopes.Catalogue.Select(c => c.Scope))}.", nameof(scopes));
        }

        var secret = TokenPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken(
            "tok_" + Guid.CreateVersion7().ToString("N"),
            name,
            secret[..(TokenPrefix.Length + 6)],
            scopes.Distinct().Order().ToArray(),
            time.GetUtcNow(),
            null,
            null);
        var created = new EventDraft(EventType.AuthTokenCreated, EventSource, new { token_id = token.Id, token.Name, scopes = token.Scopes });
        await store.InsertTokenAsync(token, HashToken(secret), created, cancellationToken);
        return new CreatedApiToken(token, secret);
    }

    /// <summary>The active token matching <paramref name="secret"/>, or null.</summary>
    public async Task<ApiToken?> ValidateAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }
        var hash = HashToken(secret);
        var token = cache.Find(hash);
        if (token is null)
        {
            var generation = cache.Generation;
            token = await store.FindActiveTokenByHashAsync(hash, cancellationToken);
            if (token is null)
            {
                return null;
            }
            cache.Add(hash, token, generation);
        }
        uses.Record(token.Id, time.GetUtcNow());
        return token;
    }

    public Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken cancellationToken = default) => store.ListTokensAsync(cancellationToken);

    /// <summary>Revokes an active token, logging auth.token_revoked with it; false when there is no such active token.
    /// The token stops working in this process at once.</summary>
    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.RevokeTokenAsync(id, time.GetUtcNow(),
                token => new EventDraft(EventType.AuthTokenRevoked, EventSource, new { token_id = token.Id, name = token.Name }), cancellationToken);
        }
        finally
        {
            // Also when the revocation failed or raced with another: the next use asks the store.
            cache.Evict(id);
        }
    }

    /// <summary>Why <see cref="CreateAsync"/> refused, in its own words (without the "(Parameter …)" .NET appends).</summary>
    public static string Reason(ArgumentException refusal) => refusal.Message.Split(" (Parameter")[0];

    internal static string HashToken(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
