using Microsoft.Extensions.Options;
using Timmy.Core.Lightning.Nodes;

namespace Timmy.Core.Lightning;

/// <summary>Refuses at start-up a Lightning configuration that cannot work, naming the key: a connection string that
/// does not parse (its own message names the bad part), and limits that make no sense.</summary>
public sealed class ValidateLightningOptions : IValidateOptions<LightningOptions>
{
    private const string Section = LightningOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, LightningOptions options)
    {
        var failures = new List<string>();
        if (!LightningConnectionString.TryParse(options.ConnectionString, out _, out var error))
        {
            failures.Add($"{Section}ConnectionString is not usable: {error}");
        }
        if (options.InvoiceExpiry < TimeSpan.FromMinutes(1) || options.InvoiceExpiry > TimeSpan.FromDays(30))
        {
            failures.Add($"{Section}InvoiceExpiry must be between 00:01:00 and 30.00:00:00.");
        }
        if (options.MaxInvoiceSats < 1)
        {
            failures.Add($"{Section}MaxInvoiceSats must be at least 1.");
        }
        if (options.DefaultMaxFeeSats < 0 || options.DefaultMaxFeePercent is < 0 or > 100)
        {
            failures.Add($"{Section}DefaultMaxFeeSats must be 0 or more and DefaultMaxFeePercent from 0 to 100.");
        }
        if (options.PaymentTimeout < TimeSpan.FromSeconds(1) || options.PaymentTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Section}PaymentTimeout must be between 00:00:01 and 00:10:00.");
        }
        if (options.ReconcileInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{Section}ReconcileInterval must be at least 00:00:01.");
        }
        if (options.SimulatedStartingBalanceSats < 0)
        {
            failures.Add($"{Section}SimulatedStartingBalanceSats must be 0 or more.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
