namespace Timmy.Bench.Reporting;

/// <summary><c>--name value</c> options after the mode, with typed defaults; <c>--append</c> is a flag.</summary>
public sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public static BenchArguments Parse(IEnumerable<string> args)
    {
        var parsed = new BenchArguments();
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
                parsed._values[name] = "true";
            }
            else if (name is not null)
            {
                parsed._values[name] = arg;
                name = null;
            }
        }
        return parsed;
    }

    public int Int(string name, int fallback) => _values.TryGetValue(name, out var v) && int.TryParse(v, out var n) ? n : fallback;

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public bool Flag(string name) => _values.ContainsKey(name);

    public static int PrintUsage(string mode)
    {
        Console.Error.WriteLine($"""
            {(mode.Length == 0 ? "No benchmark named." : $"Unknown benchmark '{mode}'.")}
            usage: dotnet run -c Release --project bench/Timmy.Bench -- <mode> [options]
              api      events/s through the HTTP API of the real server: single POSTs from 1 and N clients, batches of 100 and 1000
                       [--seconds 10] [--clients 32] [--batch-clients 4] [--append] [--out bench/results/api.txt]
              events   durable event-log throughput, 1 and 32 writers
                       [--seconds 10] [--writers 1,32] [--append] [--out bench/results/events.txt]
              fanout   WebSocket fan-out from the real server to many clients
                       [--clients 1000] [--events 200] [--rate 20] [--append] [--out bench/results/fanout.txt]
              router   the cascade router's added latency and allocations per non-streaming call
                       [--calls 5000] [--append] [--out bench/results/router.txt]
              gateway  the OpenAI-compatible gateway's added latency (real server process, OpenAI SDK client)
                       [--calls 2000] [--append] [--out bench/results/gateway.txt]
              swarm    tasks/s post -> zero auction -> persona execution -> completed (nine personas, loopback LLM fake),
                       post -> assigned latency, and remote agents heartbeating, with write transactions per stage
                       [--tasks 2000] [--posters 16] [--latency-tasks 1000] [--remote-agents 100] [--seconds 10]
                       [--max-per-agent 1000] [--append] [--out bench/results/swarm.txt]
              embed    texts/s of the memory embedders: MiniLM one by one and batched (ours and the package's encoder),
                       coalesced concurrent callers, the hashing fallback [--texts 128] [--append] [--out bench/results/embed.txt]
              memory   semantic memory at 10,000 and 100,000 entries: search latency (hybrid, vector only, FTS only, filtered,
                       end to end with MiniLM), index load time and memory, store entries/s with MiniLM and the hashing fallback
                       [--entries 10000,100000] [--queries 200] [--stores 1000] [--callers 32] [--append] [--out bench/results/memory.txt]
              ledger   Lightning ledger: create + settle pairs/s on the simulated node (one at a time and concurrent) and
                       through the store alone, balance latency at 1,000,000 rows, concurrent payers against one budget
                       [--pairs 2000] [--callers 64] [--rows 1000000] [--payers 100] [--append] [--out bench/results/ledger.txt]
              upgrades the upgrade queue's own cost with a do-nothing test command: propose a 10,000-line change, apply onto
                       a moved target, roll back; the self-modify loop's file search over this repository
                       [--rounds 20] [--lines 10000] [--searches 5] [--append] [--out bench/results/upgrades.txt]
            Results go to bench/results/ (overwritten unless --append).
            """);
        return 2;
    }
}
