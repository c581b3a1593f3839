using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;
using OpenAI.Chat;
using Timmy.Bench.Fanout;
using Timmy.Bench.Reporting;
using Timmy.Bench.Router;
using Timmy.Core.Router;

namespace Timmy.Bench.Gateway;

/// <summary>The gateway's own overhead: one non-streaming completion against a loopback OpenAI fake, three ways,
/// alternating so machine noise hits all alike: the OpenAI SDK straight at the fake; the router in this process
/// (<see cref="CascadeRouter"/>); and the OpenAI SDK at the real timmy server process's <c>/v1</c> with a chat
/// token, which routes to the same fake.</summary>
public static class GatewayOverheadBenchmark
{
    private const int WarmUpCalls = 300;

    public static async Task<int> RunAsync(BenchArguments options)
    {
        var calls = options.Int("calls", 2000);
        await using var provider = await BenchOpenAiServer.StartAsync();
        var dataDir = Path.Combine(Path.GetTempPath(), "timmy-bench-" + Guid.NewGuid().ToString("N"));
        await using var services = await RouterOverheadBenchmark.BuildRouterAsync(dataDir, ProviderTypes.OpenAi, provider.ApiBase, BenchOpenAiServer.Model);
        var router = services.GetRequiredService<CascadeRouter>();
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Timmy__Router__Providers__0__Name"] = "local",
            ["Timmy__Router__Providers__0__Type"] = "openai",
            ["Timmy__Router__Providers__0__Url"] = provider.ApiBase,
            ["Timmy__Router__Providers__0__Models__0__Name"] = BenchOpenAiServer.Model,
            ["Timmy__Chat__RequestsPerMinute"] = "1000000",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        var token = await CreateChatTokenAsync(server);
        var direct = Client(provider.ApiBase, "unused", BenchOpenAiServer.Model);
        var gateway = Client(server.BaseUrl + "/v1", token, "timmy");
        List<Microsoft.Extensions.AI.ChatMessage> messages = [new(ChatRole.User, "ping")];
        List<OpenAI.Chat.ChatMessage> sdkMessages = [new UserChatMessage("ping")];

        for (var i = 0; i < WarmUpCalls; i++)
        {
            await direct.CompleteChatAsync(sdkMessages);
            await router.GetResponseAsync(messages);
            await gateway.CompleteChatAsync(sdkMessages);
        }
        List<long> directTicks = [], routedTicks = [], gatewayTicks = [];
        for (var i = 0; i < calls; i++)
        {
            await MeasureAsync(() => direct.CompleteChatAsync(sdkMessages), directTicks);
            await MeasureAsync(() => router.GetResponseAsync(messages), routedTicks);
            await MeasureAsync(() => gateway.CompleteChatAsync(sdkMessages), gatewayTicks);
        }

        var result = new ResultFile("gateway", options);
        result.Header("OpenAI-compatible gateway overhead: non-streaming completion to a loopback OpenAI fake",
            $"dotnet run -c Release --project bench/Timmy.Bench -- gateway --calls {calls}");
        result.Line("setup:    fake OpenAI server and clients in the bench process; the gateway is the real timmy server process (Release, " +
                    "fresh SQLite data folder) on 127.0.0.1, called with the OpenAI SDK and a chat-scoped bearer token; all share the same cores");
        result.Line($"calls:    {calls} each, alternating, after {WarmUpCalls} warm-up calls each");
        Report(result, new Percentiles(directTicks), new Percentiles(routedTicks), new Percentiles(gatewayTicks));
        Console.WriteLine("written to " + result.Save());

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, true);
        return 0;
    }

    private static ChatClient Client(string apiBase, string key, string model) =>
        new(model, new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri(apiBase), RetryPolicy = new ClientRetryPolicy(0) });

    /// <summary>Signs in with the start-up link and creates a token with the <c>chat</c> scope.</summary>
    private static async Task<string> CreateChatTokenAsync(ServerProcess server)
    {
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(server.BaseUrl),
        };
        (await http.GetAsync(server.SignInLink)).EnsureSuccessStatusCodeOrRedirect();
        var created = await http.PostAsJsonAsync("/api/v1/tokens", new { name = "bench", scopes = new[] { "chat" } });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }

    private static async Task MeasureAsync<T>(Func<Task<T>> call, List<long> ticks)
    {
        var start = Stopwatch.GetTimestamp();
        await call();
        ticks.Add(Stopwatch.GetTimestamp() - start);
    }

    private static void Report(ResultFile result, Percentiles direct, Percentiles routed, Percentiles gateway)
    {
        result.Line($"direct    p50 {direct.Ms(50):F3} ms  p99 {direct.Ms(99):F3} ms   (OpenAI SDK -> fake)");
        result.Line($"router    p50 {routed.Ms(50):F3} ms  p99 {routed.Ms(99):F3} ms   (CascadeRouter in process -> fake)");
        result.Line($"gateway   p50 {gateway.Ms(50):F3} ms  p99 {gateway.Ms(99):F3} ms   (OpenAI SDK -> timmy /v1 -> fake)");
        result.Line($"added by the gateway over the in-process router   p50 {gateway.Ms(50) - routed.Ms(50):F3} ms  p99 {gateway.Ms(99) - routed.Ms(99):F3} ms");
        result.Line($"added by the gateway over calling the fake direct  p50 {gateway.Ms(50) - direct.Ms(50):F3} ms  p99 {gateway.Ms(99) - direct.Ms(99):F3} ms");
    }
}
