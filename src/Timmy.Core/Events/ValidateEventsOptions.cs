using Microsoft.Extensions.Options;

namespace Timmy.Core.Events;

/// <summary>Checks every <see cref="EventsOptions"/> value at start-up, naming the key to fix.</summary>
public sealed class ValidateEventsOptions : IValidateOptions<EventsOptions>
{
    public ValidateOptionsResult Validate(string? name, EventsOptions options)
    {
        var errors = new List<string>();
        var key = EventsOptions.SectionName;
        if (options.RetentionDays < 1)
        {
            errors.Add($"{key}:RetentionDays must be at least 1 (got {options.RetentionDays}).");
        }
        if (options.PruneInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{key}:PruneInterval must be at least 00:00:01.");
        }
        if (options.ActivityFeedBuffer is < 1 or > 100_000)
        {
            errors.Add($"{key}:ActivityFeedBuffer must be between 1 and 100000 (got {options.ActivityFeedBuffer}).");
        }
        if (options.WebsocketEventThrottle is < 1 or > 100_000)
        {
            errors.Add($"{key}:WebsocketEventThrottle must be between 1 and 100000 events/s (got {options.WebsocketEventThrottle}).");
        }
        if (options.MaxConnectionsPerAddress < 1)
        {
            errors.Add($"{key}:MaxConnectionsPerAddress must be at least 1 (got {options.MaxConnectionsPerAddress}).");
        }
        if (options.MaxReplay < 1)
        {
            errors.Add($"{key}:MaxReplay must be at least 1 (got {options.MaxReplay}).");
        }
        if (options.HeartbeatInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{key}:HeartbeatInterval must be at least 00:00:01.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
