using System.Globalization;

namespace Timmy.Web.Cli;

/// <summary>
/// <c>timmy ln …</c>: the running server's Lightning ledger over its API. <c>invoice 1000 "memo"</c> issues an invoice
/// and prints it; <c>pay &lt;bolt11&gt; [--max-fee N] [--amount N] [--yes]</c> shows what the invoice asks for (amount,
/// payee, description) and pays it once confirmed (<c>--yes</c> confirms ahead, for scripts); <c>decode &lt;bolt11&gt;</c>
/// only shows it; <c>balance</c> prints the ledger's balance and the node. Errors and exit codes as the other server
/// verbs (<see cref="ServerVerb"/>); a payment that failed exits 1.
/// </summary>
public sealed class LightningCommand(HttpClient http, TextReader input, TextWriter output, TextWriter error)
{
    public const string Usage = """
        Usage: timmy ln invoice <sats> ["memo"]
               timmy ln pay <bolt11> [--max-fee N] [--amount N] [--yes]
               timmy ln decode <bolt11>
               timmy ln balance
        The server is --url or TIMMY_URL (default http://127.0.0.1:8000); the token is TIMMY_TOKEN (lightning:read, lightning:pay).
        """;

    private static readonly HashSet<string> Valued = ["--url", "--max-fee", "--amount"];
    private static readonly HashSet<string> Flags = ["--yes"];

    public static Task<int> RunFromConsoleAsync(IReadOnlyList<string> arguments, Func<string, string?> environment) =>
        ServerVerb.RunFromConsoleAsync(arguments, Valued, Flags, environment,
            (http, ct) => new LightningCommand(http, Console.In, Console.Out, Console.Error).RunAsync(arguments, ct));

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (options, problem) = CliOptions.Parse(arguments, Valued, Flags);
        if (options is null)
        {
            return await ServerVerb.MisuseAsync(error, problem!);
        }
        var api = new LightningApiClient(http);
        return await ServerVerb.GuardAsync(http, error, "Stopped.", async () => options.Words switch
        {
            ["invoice", var sats, ..] => await InvoiceAsync(api, sats, string.Join(" ", options.Words.Skip(2)).Trim(), cancellationToken),
            ["pay", var bolt11] => await PayAsync(api, bolt11, options, cancellationToken),
            ["decode", var bolt11] => await DecodeAsync(api, bolt11, cancellationToken),
            ["balance"] => await BalanceAsync(api, cancellationToken),
            _ => await ServerVerb.MisuseAsync(error, Usage),
        }, cancellationToken);
    }

    private async Task<int> InvoiceAsync(LightningApiClient api, string satsText, string memo, CancellationToken cancellationToken)
    {
        if (!long.TryParse(satsText, NumberStyles.None, CultureInfo.InvariantCulture, out var sats) || sats < 1)
        {
            return await ServerVerb.MisuseAsync(error, $"The amount must be a whole number of sats, 1 or more (got '{satsText}').");
        }
        var entry = await api.CreateInvoiceAsync(sats, memo.Length == 0 ? null : memo, cancellationToken);
        await output.WriteLineAsync(entry.Invoice);
        await error.WriteLineAsync(Invariant($"Invoice for {entry.AmountSats:N0} sats, payment hash {entry.PaymentHash}, expires {entry.ExpiresAt:yyyy-MM-dd HH:mm} UTC (ledger entry {entry.Id})."));
        return 0;
    }

    private async Task<int> DecodeAsync(LightningApiClient api, string bolt11, CancellationToken cancellationToken)
    {
        var preview = await api.DecodeAsync(bolt11, cancellationToken);
        await DescribeAsync(preview);
        return 0;
    }

    private async Task<int> PayAsync(LightningApiClient api, string bolt11, CliOptions options, CancellationToken cancellationToken)
    {
        long? maxFee = null, amount = null;
        if (options.Value("--max-fee") is { } feeText && (maxFee = Whole(feeText)) is null)
        {
            return await ServerVerb.MisuseAsync(error, $"--max-fee must be a whole number of sats (got '{feeText}').");
        }
        if (options.Value("--amount") is { } amountText && (amount = Whole(amountText)) is null)
        {
            return await ServerVerb.MisuseAsync(error, $"--amount must be a whole number of sats (got '{amountText}').");
        }
        var preview = await api.DecodeAsync(bolt11, cancellationToken);
        await DescribeAsync(preview);
        if (!preview.CanPay)
        {
            return await ServerVerb.MisuseAsync(error, "Not paid: " + preview.Problem);
        }
        if (!options.Has("--yes"))
        {
            await output.WriteAsync("Pay it? [y/N] ");
            var answer = (await input.ReadLineAsync(cancellationToken))?.Trim().ToLowerInvariant();
            if (answer is not ("y" or "yes"))
            {
                await output.WriteLineAsync("Not paid.");
                return ServerVerb.FailedExitCode;
            }
        }
        var entry = await api.PayAsync(bolt11, maxFee, amount, cancellationToken);
        var line = entry.Status switch
        {
            "settled" => Invariant($"Paid {entry.AmountSats:N0} sats (fee {entry.FeeSats:N0}); preimage {entry.Preimage}."),
            "pending" => "The payment is in flight; the ledger will settle or fail it when the node knows (entry " + entry.Id + ").",
            _ => "The payment failed: " + entry.FailureReason,
        };
        await output.WriteLineAsync(line);
        return entry.Status is "settled" or "pending" ? 0 : ServerVerb.FailedExitCode;
    }

    private async Task<int> BalanceAsync(LightningApiClient api, CancellationToken cancellationToken)
    {
        var balance = await api.BalanceAsync(cancellationToken);
        var node = await api.NodeAsync(cancellationToken);
        await output.WriteLineAsync(Invariant($"Available  {balance.Available,14:N0} sats"));
        await output.WriteLineAsync(Invariant($"Net        {balance.Net,14:N0} sats (in {balance.IncomingTotal:N0}, out {balance.OutgoingTotal:N0}, fees {balance.FeesPaid:N0})"));
        await output.WriteLineAsync(Invariant($"Pending    {balance.PendingIncoming,14:N0} sats in, {balance.PendingOutgoing:N0} sats out"));
        var label = node.Simulated ? "SIMULATED node" : node.Kind + " node";
        await output.WriteLineAsync(node.Reachable
            ? Invariant($"Node       {label} {node.Alias} on {node.Network}, {node.LightningSats:N0} sats spendable")
            : $"Node       {label} unreachable: {node.Error}");
        return 0;
    }

    private async Task DescribeAsync(Api.Lightning.InvoicePreviewDto preview)
    {
        var amount = preview.AmountMsat is { } msat ? Invariant($"{msat / 1000.0:#,0.###} sats") : "any amount";
        await output.WriteLineAsync($"Amount       {amount}");
        await output.WriteLineAsync($"Payee        {preview.Payee}");
        await output.WriteLineAsync($"Description  {preview.Description ?? (preview.DescriptionHash is null ? "(none)" : "hash " + preview.DescriptionHash)}");
        await output.WriteLineAsync(Invariant($"Expires      {preview.ExpiresAt:yyyy-MM-dd HH:mm:ss} UTC{(preview.Expired ? " (expired)" : "")}"));
        await output.WriteLineAsync($"Network      {preview.Network}");
    }

    private static long? Whole(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
