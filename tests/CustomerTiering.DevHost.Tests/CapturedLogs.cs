using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CustomerTiering.DevHost.Tests;

/// <summary>A logger provider for the dev host's container (which owns and disposes it) that keeps every line in a queue the test holds.</summary>
public sealed class CapturedLogs(ConcurrentQueue<CapturedLogs.Line> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Capture(lines, categoryName);

    public void Dispose()
    {
    }

    public sealed record Line(string Category, LogLevel Level, string Text);

    private sealed class Capture(ConcurrentQueue<Line> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new Line(category, logLevel, formatter(state, exception)));
    }
}
