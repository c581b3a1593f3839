using System.Text.Json.Serialization;

namespace Timmy.Core.Upgrades;

/// <summary>What the build-and-test command said: whether it passed (exit code 0 within the time limit), the counts it
/// printed when it printed any, how long it took, and the last part of its output.</summary>
public sealed record TestRunResult(
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("exit_code")] int? ExitCode,
    [property: JsonPropertyName("tests_passed")] int? TestsPassed,
    [property: JsonPropertyName("tests_failed")] int? TestsFailed,
    [property: JsonPropertyName("duration_ms")] long DurationMs,
    [property: JsonPropertyName("timed_out")] bool TimedOut,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("output_tail")] string OutputTail)
{
    /// <summary>"12 passed, 0 failed", "exit code 1", "timed out after 600 s".</summary>
    [JsonIgnore]
    public string Summary => TimedOut ? $"timed out after {DurationMs / 1000} s"
        : TestsPassed is { } p ? $"{p} passed, {TestsFailed ?? 0} failed"
        : Passed ? "passed" : $"exit code {ExitCode}";
}
