using Microsoft.Extensions.Options;

namespace Timmy.Core.Router;

/// <summary>Checks every <see cref="RouterOptions"/> value at start-up; each message names the full key
/// to fix (<c>Timmy:Router:Providers:0:Url</c>) and never a secret's value.</summary>
public sealed class ValidateRouterOptions : IValidateOptions<RouterOptions>
{
    public ValidateOptionsResult Validate(string? name, RouterOptions options)
    {
        var errors = new List<string>();
        var key = RouterOptions.SectionName;
        Check(errors, options.Timeout >= TimeSpan.FromMilliseconds(100) && options.Timeout <= TimeSpan.FromHours(1),
            $"{key}:Timeout must be between 00:00:00.1 and 01:00:00 (got {options.Timeout}).");
        Check(errors, options.Retries is >= 0 and <= 10, $"{key}:Retries must be between 0 and 10 (got {options.Retries}).");
        Check(errors, options.RetryBaseDelay >= TimeSpan.Zero && options.RetryBaseDelay <= TimeSpan.FromMinutes(1),
            $"{key}:RetryBaseDelay must be between 00:00:00 and 00:01:00 (got {options.RetryBaseDelay}).");
        Check(errors, options.CircuitBreakerThreshold is >= 1 and <= 1000,
            $"{key}:CircuitBreakerThreshold must be between 1 and 1000 (got {options.CircuitBreakerThreshold}).");
        Check(errors, options.RecoveryTimeout >= TimeSpan.FromSeconds(1),
            $"{key}:RecoveryTimeout must be at least 00:00:01 (got {options.RecoveryTimeout}).");
        Check(errors, options.HalfOpenMaxCalls is >= 1 and <= 100,
            $"{key}:HalfOpenMaxCalls must be between 1 and 100 (got {options.HalfOpenMaxCalls}).");
        Check(errors, options.ProbeInterval >= TimeSpan.FromSeconds(1),
            $"{key}:ProbeInterval must be at least 00:00:01 (got {options.ProbeInterval}).");
        Check(errors, options.MetricsFlushInterval >= TimeSpan.FromSeconds(1),
            $"{key}:MetricsFlushInterval must be at least 00:00:01 (got {options.MetricsFlushInterval}).");
        Check(errors, options.HistoryRetentionDays >= 1,
            $"{key}:HistoryRetentionDays must be at least 1 (got {options.HistoryRetentionDays}).");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Providers.Count; i++)
        {
            ValidateProvider(errors, $"{key}:Providers:{i}", options.Providers[i], seen);
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateProvider(List<string> errors, string key, ProviderOptions provider, HashSet<string> seen)
    {
        if (!ProviderName.IsValid(provider.Name))
        {
            errors.Add($"{key}:Name must be 1-40 characters of a-z, 0-9, '-' or '_' (got '{provider.Name}').");
        }
        else if (!seen.Add(provider.Name))
        {
            errors.Add($"{key}:Name '{provider.Name}' is used by another provider; names must be unique.");
        }
        if (!ProviderTypes.All.Contains(provider.Type))
        {
            errors.Add($"{key}:Type must be one of {string.Join(", ", ProviderTypes.All)} (got '{provider.Type}').");
        }
        if (provider.Url is not null && !IsHttpUrl(provider.Url))
        {
            errors.Add($"{key}:Url must be an absolute http or https URL (got '{provider.Url}').");
        }
        if (provider.Type == ProviderTypes.Ollama && provider.Url is null)
        {
            errors.Add($"{key}:Url is required for an ollama provider.");
        }
        if (provider.Type is ProviderTypes.OpenAi or ProviderTypes.Anthropic && string.IsNullOrWhiteSpace(provider.ApiKeyEnv))
        {
            errors.Add($"{key}:ApiKeyEnv must name the environment variable holding the key.");
        }
        if (provider.Type != ProviderTypes.LlamaCpp && provider.Models.Count == 0)
        {
            errors.Add($"{key}:Models must list at least one model.");
        }
        for (var m = 0; m < provider.Models.Count; m++)
        {
            var model = provider.Models[m];
            if (string.IsNullOrWhiteSpace(model.Name))
            {
                errors.Add($"{key}:Models:{m}:Name is required.");
            }
            if (model.ContextWindow < 1)
            {
                errors.Add($"{key}:Models:{m}:ContextWindow must be at least 1 (got {model.ContextWindow}).");
            }
        }
        if (provider.Models.Count(m => m.Default) > 1)
        {
            errors.Add($"{key}:Models marks more than one model as Default.");
        }
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static void Check(List<string> errors, bool ok, string message)
    {
        if (!ok)
        {
            errors.Add(message);
        }
    }
}
