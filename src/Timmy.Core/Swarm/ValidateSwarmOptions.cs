using Microsoft.Extensions.Options;
using Timmy.Core.Swarm.Personas;

namespace Timmy.Core.Swarm;

/// <summary>Refuses to start with swarm settings that cannot work, naming the key.</summary>
public sealed class ValidateSwarmOptions : IValidateOptions<SwarmOptions>
{
    public ValidateOptionsResult Validate(string? name, SwarmOptions options)
    {
        var failures = new List<string>();
        const string prefix = "Timmy:Swarm:";
        if (options.AuctionSeconds is < 0 or > 3600 || double.IsNaN(options.AuctionSeconds))
        {
            failures.Add($"{prefix}AuctionSeconds must be between 0 and 3600 (was {options.AuctionSeconds}).");
        }
        if (options.MaxBidCeilingSats < 1)
        {
            failures.Add($"{prefix}MaxBidCeilingSats must be at least 1 (was {options.MaxBidCeilingSats}).");
        }
        if (options.DefaultMaxBidSats < 1 || options.DefaultMaxBidSats > options.MaxBidCeilingSats)
        {
            failures.Add($"{prefix}DefaultMaxBidSats must be between 1 and MaxBidCeilingSats (was {options.DefaultMaxBidSats}).");
        }
        if (options.MaxDescriptionLength is < 1 or > 100_000)
        {
            failures.Add($"{prefix}MaxDescriptionLength must be between 1 and 100000 (was {options.MaxDescriptionLength}).");
        }
        if (options.TaskTimeoutSeconds is <= 0 or > 86_400 || double.IsNaN(options.TaskTimeoutSeconds))
        {
            failures.Add($"{prefix}TaskTimeoutSeconds must be above 0 and at most 86400 (was {options.TaskTimeoutSeconds}).");
        }
        if (options.MaxToolRounds is < 0 or > 50)
        {
            failures.Add($"{prefix}MaxToolRounds must be between 0 and 50 (was {options.MaxToolRounds}).");
        }
        if (options.MaxConcurrentTasksPerAgent is < 1 or > 1000)
        {
            failures.Add($"{prefix}MaxConcurrentTasksPerAgent must be between 1 and 1000 (was {options.MaxConcurrentTasksPerAgent}).");
        }
        if (options.MaxSubtaskDepth is < 0 or > 10)
        {
            failures.Add($"{prefix}MaxSubtaskDepth must be between 0 and 10 (was {options.MaxSubtaskDepth}).");
        }
        if (options.HeartbeatTimeoutSeconds is < 5 or > 86_400 || double.IsNaN(options.HeartbeatTimeoutSeconds))
        {
            failures.Add($"{prefix}HeartbeatTimeoutSeconds must be between 5 and 86400 (was {options.HeartbeatTimeoutSeconds}).");
        }
        foreach (var id in options.DefaultPersonas.Where(id => PersonaCatalog.Find(id) is null))
        {
            failures.Add($"{prefix}DefaultPersonas names '{id}', which is not a persona (known: {string.Join(", ", PersonaCatalog.All.Select(p => p.Id))}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
