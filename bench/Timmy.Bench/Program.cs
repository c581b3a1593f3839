using Timmy.Bench;

// Dispatch by the first argument; add a benchmark by adding one line here.
var benches = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["router"] = RouterOverheadBench.RunAsync,
};
if (args.Length == 0 || !benches.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"Usage: dotnet run -c Release --project bench/Timmy.Bench -- <{string.Join("|", benches.Keys)}> [options]");
    return 2;
}
return await run(args[1..]);
