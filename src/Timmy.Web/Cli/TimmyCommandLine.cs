namespace Timmy.Web.Cli;

/// <summary>The <c>timmy</c> executable's verbs. With no verb it serves the dashboard; <c>migrate</c>
/// applies database migrations and exits; <c>chat</c> talks to Timmy in the terminal; <c>task</c> and <c>agents</c> drive
/// the running server's swarm over its API (<see cref="SwarmCommand"/>), <c>memory</c> its memory (<see cref="MemoryCommand"/>), <c>upgrades</c> and <c>self-modify</c> its upgrade queue
/// (<see cref="UpgradesCommand"/>, <see cref="SelfModifyCommand"/>). Options (<c>--urls</c>, <c>--data-dir</c>) pass
/// through to configuration.</summary>
public sealed record TimmyCommandLine(string Verb, string[] VerbArguments, string[] HostArguments)
{
    public const string Serve = "serve";
    public const string Migrate = "migrate";
    public const string Chat = "chat";
    public const string Events = "events";
    public const string TaskVerb = "task";
    public const string AgentsVerb = "agents";
    public const string MemoryVerb = "memory";
    public const string LightningVerb = "ln";
    public const string UpgradesVerb = "upgrades";
    public const string SelfModifyVerb = "self-modify";
    public const string Help = "help";

    public static IReadOnlyList<string> Verbs { get; } = [Serve, Migrate, Chat, Events, TaskVerb, AgentsVerb, MemoryVerb, LightningVerb, UpgradesVerb, SelfModifyVerb, Help];

    /// <summary>Every argument but the verb, in order: the verbs that are clients of a running server read their own
    /// options (<c>--wait</c> takes no value, which the host's parsing cannot know).</summary>
    public IReadOnlyList<string> ArgumentsBesideVerb { get; init; } = [];

    /// <summary>True for a verb that calls the running server's API instead of opening the data folder.</summary>
    public static bool IsServerClient(string verb) => verb is TaskVerb or AgentsVerb or MemoryVerb or LightningVerb or UpgradesVerb or SelfModifyVerb;

    public static TimmyCommandLine Parse(string[] args)
    {
        // The verb, if any, is the first argument that is not an option or an option's value. Options
        // (with their values) go to the host wherever they stand; the other words are the verb's.
        var hostArgs = new List<string>();
        var verbArgs = new List<string>();
        string? verb = null;
        var verbIndex = -1;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith('-'))
            {
                hostArgs.Add(args[i]);
                if (!args[i].Contains('=') && i + 1 < args.Length && !args[i + 1].StartsWith('-'))
                {
                    hostArgs.Add(args[++i]);
                }
            }
            else if (verb is null)
            {
                verb = args[i].ToLowerInvariant();
                verbIndex = i;
            }
            else
            {
                verbArgs.Add(args[i]);
            }
        }
        return new TimmyCommandLine(verb ?? Serve, verbArgs.ToArray(), hostArgs.ToArray())
        {
            ArgumentsBesideVerb = [.. args.Where((_, i) => i != verbIndex)],
        };
    }

    public const string Usage = """
        Usage: timmy [verb] [options]

        Verbs:
          serve     run the Mission Control dashboard (default)
          migrate   apply database migrations and exit
          chat      talk to Timmy: `timmy chat "message"` asks once, `timmy chat` opens a prompt
          events    `timmy events verify` checks the event log's hash chain; `timmy events verify --file <export.jsonl>`
                    checks an exported copy offline (exit code 1 when broken)
          task      the running server's swarm: `timmy task post "description" [--max-bid N] [--wait]` posts a task
                    (--wait prints its result, exit code 1 when it fails); `timmy task list [--status S] [--limit N]`
          agents    the running server's agents with their records (tasks won, completed, failed, sats earned)
          memory    the running server's memory: `timmy memory search "text" [--type T] [--limit N]` prints the hits
                    with score, type, source and time; `timmy memory add "text" [--type fact|conversation|document]
                    [--shared]` stores one (a fact by default) and prints its id; `timmy memory facts`; `timmy memory stats`
          ln        the running server's Lightning ledger: `timmy ln invoice 1000 "memo"` prints a new invoice;
                    `timmy ln pay <bolt11> [--max-fee N] [--yes]` shows the amount, payee and description, then pays once
                    confirmed; `timmy ln decode <bolt11>`; `timmy ln balance`
          self-modify  ask the running server's self-modify loop for a change: `timmy self-modify "instruction"
                    [--file PATH]... [--dry-run] [--no-wait]` follows the run's steps and prints the upgrade it proposes
          upgrades  the running server's upgrade queue: `timmy upgrades list [--status S]`; `timmy upgrades show <id>`;
                    `timmy upgrades approve <id> [--second-factor-env VAR]` asks for the owner password or approval PIN
                    (without echo; or TIMMY_APPROVAL_PIN); `timmy upgrades reject <id> [--reason R]`
          help      show this text

        Options:
          --urls <url>          where to listen (default http://127.0.0.1:8000)
          --data-dir <folder>   where swarm.db lives (default ./data; env TIMMY_DATA_DIR)
          --url <url>           task, agents, memory, ln, upgrades, self-modify: the running server (default
                                http://127.0.0.1:8000; env TIMMY_URL); they call its API with the token in TIMMY_TOKEN
                                (scopes swarm:read, swarm:write; memory: memory:read, memory:write; ln: lightning:read,
                                lightning:pay; upgrades, self-modify: upgrades:read, upgrades:approve)
        """;
}
