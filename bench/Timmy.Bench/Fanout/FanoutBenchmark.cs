using Timmy.Bench.Reporting;

namespace Timmy.Bench.Fanout;

public static class FanoutBenchmark
{
    public static Task<int> RunAsync(BenchArguments options) => Task.FromResult(0);
}
