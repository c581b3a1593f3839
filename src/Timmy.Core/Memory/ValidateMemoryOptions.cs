using Microsoft.Extensions.Options;

namespace Timmy.Core.Memory;

/// <summary>Refuses to start with memory settings that cannot work, naming the key.</summary>
public sealed class ValidateMemoryOptions : IValidateOptions<MemoryOptions>
{
    public ValidateOptionsResult Validate(string? name, MemoryOptions options)
    {
        var failures = new List<string>();
        const string prefix = MemoryOptions.SectionName + ":";
        if (options.MaxContentLength is < 100 or > 1_000_000)
        {
            failures.Add($"{prefix}MaxContentLength must be between 100 and 1000000 (was {options.MaxContentLength}).");
        }
        if (options.MaxDocumentLength < options.MaxContentLength || options.MaxDocumentLength > 50_000_000)
        {
            failures.Add($"{prefix}MaxDocumentLength must be between MaxContentLength and 50000000 (was {options.MaxDocumentLength}).");
        }
        if (options.RetentionDays is < 0 or > 36_500)
        {
            failures.Add($"{prefix}RetentionDays must be between 0 (keep everything) and 36500 (was {options.RetentionDays}).");
        }
        if (options.PruneInterval < TimeSpan.FromMinutes(1))
        {
            failures.Add($"{prefix}PruneInterval must be at least one minute (was {options.PruneInterval}).");
        }
        if (options.MinSimilarity is < -1 or > 1 || double.IsNaN(options.MinSimilarity))
        {
            failures.Add($"{prefix}MinSimilarity must be between -1 and 1 (was {options.MinSimilarity}).");
        }
        if (options.ContextMinSimilarity is < -1 or > 1 || double.IsNaN(options.ContextMinSimilarity))
        {
            failures.Add($"{prefix}ContextMinSimilarity must be between -1 and 1 (was {options.ContextMinSimilarity}).");
        }
        if (options.ContextTokens is < 0 or > 100_000)
        {
            failures.Add($"{prefix}ContextTokens must be between 0 and 100000 (was {options.ContextTokens}).");
        }
        if (options.ContextMaxEntries is < 1 or > 100)
        {
            failures.Add($"{prefix}ContextMaxEntries must be between 1 and 100 (was {options.ContextMaxEntries}).");
        }
        if (options.ReindexBatch is < 1 or > 1024)
        {
            failures.Add($"{prefix}ReindexBatch must be between 1 and 1024 (was {options.ReindexBatch}).");
        }
        if (options.ReindexInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{prefix}ReindexInterval must be at least one second (was {options.ReindexInterval}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
