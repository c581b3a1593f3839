using Microsoft.Extensions.Options;

namespace Timmy.Core.Upgrades;

/// <summary>Refuses at start-up an upgrade configuration that cannot work, naming the key.</summary>
public sealed class ValidateUpgradesOptions : IValidateOptions<UpgradesOptions>
{
    private const string Section = UpgradesOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, UpgradesOptions options)
    {
        var failures = new List<string>();
        if (options.AllowedDirectories.Count == 0)
        {
            failures.Add($"{Section}AllowedDirectories must name at least one directory.");
        }
        foreach (var directory in options.AllowedDirectories)
        {
            if (!PathRules.IsPlainRelativeDirectory(directory))
            {
                failures.Add($"{Section}AllowedDirectories: '{directory}' must be a relative directory inside the repository, without '..' or '.git'.");
            }
        }
        if (string.IsNullOrWhiteSpace(options.TestCommand))
        {
            failures.Add($"{Section}TestCommand must name the build-and-test command.");
        }
        if (options.TestTimeout < TimeSpan.FromSeconds(1) || options.TestTimeout > TimeSpan.FromHours(6))
        {
            failures.Add($"{Section}TestTimeout must be between 00:00:01 and 06:00:00.");
        }
        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{Section}MaxRetries must be from 0 to 10.");
        }
        if (options.MaxChangedLines < 1 || options.AutoApproveMaxChangedLines < 1)
        {
            failures.Add($"{Section}MaxChangedLines and AutoApproveMaxChangedLines must be at least 1.");
        }
        if (options.MaxTargetFiles is < 1 or > 64 || options.MaxFileBytes < 1024)
        {
            failures.Add($"{Section}MaxTargetFiles must be from 1 to 64 and MaxFileBytes at least 1024.");
        }
        if (options.UpgradeTimeoutHours <= 0)
        {
            failures.Add($"{Section}UpgradeTimeoutHours must be more than 0.");
        }
        if (options.ApprovalPin is { Length: > 0 and < 4 })
        {
            failures.Add($"{Section}ApprovalPin must be at least 4 characters.");
        }
        if (Environment.GetEnvironmentVariable(UpgradesOptions.ApprovalPinVariable) is { Length: > 0 and < 4 })
        {
            failures.Add($"{UpgradesOptions.ApprovalPinVariable} must be at least 4 characters.");
        }
        if (options.ExpiryCheckInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{Section}ExpiryCheckInterval must be at least 00:00:01.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
