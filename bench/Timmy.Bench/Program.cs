using Timmy.Bench.Api;
using Timmy.Bench.Events;
using Timmy.Bench.Fanout;
using Timmy.Bench.Gateway;
using Timmy.Bench.Lightning;
using Timmy.Bench.Memory;
using Timmy.Bench.Reporting;
using Timmy.Bench.Router;
using Timmy.Bench.Swarm;
using Timmy.Bench.Upgrades;

// A small dispatcher: the first argument picks the benchmark, the rest are its options.
var mode = args.Length > 0 ? args[0] : "";
var options = BenchArguments.Parse(args.Skip(1));
return mode switch
{
    "api" => await ApiLoadBenchmark.RunAsync(options),
    "events" => await EventLogBenchmark.RunAsync(options),
    "fanout" => await FanoutBenchmark.RunAsync(options),
    "router" => await RouterOverheadBenchmark.RunAsync(options),
    "gateway" => await GatewayOverheadBenchmark.RunAsync(options),
    "swarm" => await SwarmBenchmark.RunAsync(options),
    "embed" => await EmbedderBenchmark.RunAsync(options),
    "memory" => await MemoryBenchmark.RunAsync(options),
    "ledger" => await LedgerBenchmark.RunAsync(options),
    "upgrades" => await UpgradesBenchmark.RunAsync(options),
    _ => BenchArguments.PrintUsage(mode),
};
