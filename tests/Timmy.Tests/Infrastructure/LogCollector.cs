using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Timmy.Tests.Infrastructure;

/// <summary>A logger provider that keeps what is logged, as "Level Category: message" lines.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCollector collector, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            collector._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
    }
}
