using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Timmy.Core.Refusals;
using Timmy.Core.Security;

namespace Timmy.Core.Upgrades;

/// <summary>The second factor an approval needs beside the signed-in owner: the owner password typed again, or the
/// approval PIN (<c>TIMMY_APPROVAL_PIN</c> or <c>Timmy:Upgrades:ApprovalPin</c>). Five wrong answers within 15 minutes
/// lock approvals for the rest of those 15 minutes, so a stolen session cannot guess a short PIN.</summary>
public sealed class ApprovalSecondFactor(OwnerPasswordService passwords, IOptionsMonitor<UpgradesOptions> options, TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);

    private readonly Queue<DateTimeOffset> _failures = new();
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    private string? Pin => Environment.GetEnvironmentVariable(UpgradesOptions.ApprovalPinVariable) is { Length: > 0 } fromEnvironment
        ? fromEnvironment : options.CurrentValue.ApprovalPin;

    /// <summary>Whether any second factor is set up (a password or a PIN); without one nothing can be approved by hand.</summary>
    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken = default) =>
        !string.IsNullOrEmpty(Pin) || await passwords.IsConfiguredAsync(cancellationToken);

    /// <exception cref="SecondFactorRefusedException">Missing or wrong.</exception>
    /// <exception cref="LimitExceededException">Too many wrong answers lately.</exception>
    public async Task VerifyAsync(string? secret, CancellationToken cancellationToken = default)
    {
        // One answer at a time, each counted before the next is looked at: a burst of guesses cannot all slip past the
        // lock-out while the first is still being checked.
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            await VerifyOneAsync(secret, cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task VerifyOneAsync(string? secret, CancellationToken cancellationToken)
    {
        EnsureNotLocked();
        if (!await IsAvailableAsync(cancellationToken))
        {
            throw new SecondFactorRefusedException(
                $"Approving needs the owner password or an approval PIN, and neither is set: start Timmy with TIMMY_ADMIN_PASSWORD or {UpgradesOptions.ApprovalPinVariable}.");
        }
        if (string.IsNullOrEmpty(secret))
        {
            throw new SecondFactorRefusedException("Type the owner password or the approval PIN to approve.");
        }
        if (Pin is { Length: > 0 } pin && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(pin)))
        {
            return;
        }
        if (await passwords.VerifyAsync(secret, cancellationToken))
        {
            return;
        }
        lock (_gate)
        {
            _failures.Enqueue(time.GetUtcNow());
        }
        throw new SecondFactorRefusedException("That is not the owner password nor the approval PIN; nothing was approved.");
    }

    private void EnsureNotLocked()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            while (_failures.Count > 0 && now - _failures.Peek() > FailureWindow)
            {
                _failures.Dequeue();
            }
            if (_failures.Count >= MaxFailures)
            {
                var until = _failures.Peek() + FailureWindow;
                throw new LimitExceededException($"Too many wrong approval answers; approving is locked until {until:HH:mm} UTC.");
            }
        }
    }
}
