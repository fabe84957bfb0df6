using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace CustomerTiering.Functions;

/// <summary>
/// One console line per log entry, its scopes flattened to <c>key=value</c> so a run or an ingestion can be followed with
/// grep (<c>RunId=…</c>, <c>IngestionId=…</c>); the simple formatter would print the worker's own scope as a type name.
/// </summary>
internal sealed class ScopedLineFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "scoped-line";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        textWriter.Write(DateTimeOffset.Now.ToString("HH:mm:ss ", System.Globalization.CultureInfo.InvariantCulture));
        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(' ');
        textWriter.Write(logEntry.Category);
        scopeProvider?.ForEachScope((scope, writer) =>
        {
            if (scope is IEnumerable<KeyValuePair<string, object?>> properties)
            {
                // The template and the worker's schema marker (az.schema_url) say nothing about the work.
                foreach (var (key, value) in properties.Where(p => p.Key != "{OriginalFormat}" && !p.Key.StartsWith("az.", StringComparison.Ordinal)))
                {
                    writer.Write($" {key}={value}");
                }
            }
        }, textWriter);
        textWriter.Write(": ");
        textWriter.WriteLine(message);
        if (logEntry.Exception is { } exception)
        {
            textWriter.WriteLine(exception.ToString());
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
