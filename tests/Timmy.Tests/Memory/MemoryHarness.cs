using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Memory;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Memory;

/// <summary>The memory on a fresh database with a controllable embedder and clock, as the host wires it; the index is
/// loaded as the host's index service would at start.</summary>
internal sealed class MemoryHarness : IAsyncDisposable
{
    private readonly bool _ownsDatabase;

    private MemoryHarness(TestDatabase db, bool ownsDatabase, ITextEmbedder embedder, FakeTimeProvider time, MemoryOptions options)
    {
        _ownsDatabase = ownsDatabase;
        Db = db;
        Embedder = embedder;
        Time = time;
        Options = options;
        Index = new MemoryVectorIndex();
        State = new MemoryIndexState();
        Store = new SqliteMemoryStore(db.Connections, db.Events, Index, time);
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        Search = new MemorySearch(Store, Index, State, embedder, wrapped);
        Context = new MemoryContextBuilder(Search, wrapped);
        Service = new MemoryService(Store, Search, Context, embedder, Index, State, wrapped, time, NullLogger<MemoryService>.Instance);
        Indexer = new MemoryIndexService(Store, Index, State, embedder, db.Events, wrapped, time, NullLogger<MemoryIndexService>.Instance);
    }

    public TestDatabase Db { get; }
    public ITextEmbedder Embedder { get; }
    public FakeTimeProvider Time { get; }
    public MemoryOptions Options { get; }
    public MemoryVectorIndex Index { get; }
    public MemoryIndexState State { get; }
    public SqliteMemoryStore Store { get; }
    public MemorySearch Search { get; }
    public MemoryContextBuilder Context { get; }
    public MemoryService Service { get; }
    public MemoryIndexService Indexer { get; }

    public static async Task<MemoryHarness> CreateAsync(ITextEmbedder? embedder = null, TestDatabase? db = null, MemoryOptions? options = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var harness = new MemoryHarness(db ?? await TestDatabase.CreateAsync(time), db is null, embedder ?? new FakeTextEmbedder(), time, options ?? new MemoryOptions());
        await harness.Indexer.LoadAsync();
        return harness;
    }

    /// <summary>The same database opened again by a new memory (a restart), with this or another embedder.</summary>
    public Task<MemoryHarness> RestartAsync(ITextEmbedder? embedder = null) => CreateAsync(embedder ?? Embedder, Db, Options);

    public Task<MemoryEntry> StoreAsync(string content, string type = MemoryContextTypes.Fact, string? agent = null, bool shared = false, string? session = null) =>
        Service.StoreAsync(new NewMemory(content, type, "test") { AgentId = agent, Shared = shared, SessionId = session });

    public async Task<IReadOnlyList<string>> SearchContentsAsync(string text, MemoryViewer? viewer = null, MemoryFilter? filter = null, int limit = 10) =>
        (await Service.SearchAsync(new MemorySearchQuery(text) { Viewer = viewer ?? MemoryViewer.Owner, Filter = filter ?? MemoryFilter.None, Limit = limit }))
        .Hits.Select(h => h.Entry.Content).ToList();

    /// <summary>Disposes the database when this harness made it (a restarted one shares it).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownsDatabase)
        {
            await Db.DisposeAsync();
        }
    }
}
