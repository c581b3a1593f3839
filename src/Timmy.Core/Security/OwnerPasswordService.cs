using Microsoft.Extensions.Logging;

namespace Timmy.Core.Security;

/// <summary>The owner's password. <c>TIMMY_ADMIN_PASSWORD</c> is hashed into the database when the server starts
/// (only the hash is kept); a server started without it forgets the stored hash, so password sign-in is off and the
/// start-up link is the way in. The other verbs (<c>chat</c>) leave the stored hash as it is.</summary>
public sealed class OwnerPasswordService(IAuthStore store, TimeProvider time, ILogger<OwnerPasswordService> logger)
{
    public const string EnvironmentVariable = "TIMMY_ADMIN_PASSWORD";
    public const int MinLength = 8;

    /// <summary>Stores the hash of <paramref name="password"/> unless it already matches; with no password and
    /// <paramref name="forgetWhenUnset"/> (the server starting), forgets the stored one.</summary>
    public async Task ApplyAsync(string? password, bool forgetWhenUnset = false, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(password))
        {
            if (forgetWhenUnset && await store.ClearPasswordHashAsync(cancellationToken))
            {
                logger.LogWarning("{Variable} is not set: the stored owner password was forgotten and password sign-in is off", EnvironmentVariable);
            }
            return;
        }
        if (password.Length < MinLength)
        {
            throw new InvalidOperationException($"{EnvironmentVariable} must be at least {MinLength} characters long.");
        }
        var current = await store.GetPasswordHashAsync(cancellationToken);
        if (current is not null && PasswordHasher.Verify(password, current))
        {
            return;
        }
        await store.SetPasswordHashAsync(PasswordHasher.Hash(password), time.GetUtcNow(), cancellationToken);
        logger.LogInformation("Owner password set from {Variable}", EnvironmentVariable);
    }

    public async Task<bool> IsConfiguredAsync(CancellationToken cancellationToken = default) =>
        await store.GetPasswordHashAsync(cancellationToken) is not null;

    public async Task<bool> VerifyAsync(string password, CancellationToken cancellationToken = default)
    {
        var hash = await store.GetPasswordHashAsync(cancellationToken);
        return hash is not null && password.Length <= 1024 && PasswordHasher.Verify(password, hash);
    }
}
