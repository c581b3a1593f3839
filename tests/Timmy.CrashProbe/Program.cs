using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Timmy.Core.Chat;
using Timmy.Core.Events;
using Timmy.Core.Router;
using Timmy.Core.Security;
using Timmy.Core.Storage;
using Timmy.CrashProbe;

// Usage: Timmy.CrashProbe <data-dir> <change> <crash-point>
// Makes one logged change (see ProbeChanges) in the database under <data-dir> through Timmy's own services and
// stores, and dies at <crash-point> (see CrashPoint), so that a test can open the database afterwards and check
// that the change and its event are both there or both missing.
var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { [$"{StorageOptions.SectionName}:DataDirectory"] = args[0] })
    .Build();
var point = Enum.Parse<CrashPoint>(args[2]);
await using var services = new ServiceCollection()
    .AddSingleton<IConfiguration>(configuration)
    .AddLogging()
    .AddStorage().AddEvents().AddRouter().AddTimmyAgent().AddSecurityCore()
    .AddSingleton(sp => new CrashingEventStore(new SqliteEventStore(sp.GetRequiredService<IDbConnectionFactory>()), point))
    .AddSingleton<IEventStore>(sp => sp.GetRequiredService<CrashingEventStore>())
    .AddSingleton<IChatClient>(new FixedAnswerClient("A sat is a hundred-millionth of a bitcoin."))
    .BuildServiceProvider();
await services.GetRequiredService<Migrator>().MigrateAsync();
await new ProbeChanges(services).RunAsync(args[1]);
