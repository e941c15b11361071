using Cnaemo.NoteLsp.Server.Lsp.Protocol;
using Cnaemo.NoteLsp.Server.Lsp.Transport;
using Microsoft.Extensions.Logging;

namespace Cnaemo.NoteLsp.Server.Lsp.Hosting;

/// <summary>
/// Sends log lines to standard error and, from Information up, to the client as <c>window/logMessage</c>.
/// Standard output carries only the protocol. Log messages hold counts, rule ids and positions, never document
/// text; exceptions are reduced to their type.
/// </summary>
public sealed class LspLoggerProvider(LspClient client, TextWriter stderr, LogLevel minimum) : ILoggerProvider
{
    private readonly Lock _writeLock = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName)
    {
        ArgumentNullException.ThrowIfNull(categoryName);

        // "Cnaemo.NoteLsp.Server.Lsp.Server.ServerState" reads better in a log line as "ServerState".
        return new LspLogger(this, categoryName[(categoryName.LastIndexOf('.') + 1)..]);
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void Write(LogLevel level, string category, string message)
    {
        lock (_writeLock)
        {
            stderr.WriteLine($"[{Label(level)}] {category}: {message}");
            stderr.Flush();
        }

        if (level >= LogLevel.Information && client.IsConnected)
        {
            var type = level switch
            {
                >= LogLevel.Error => MessageType.Error,
                LogLevel.Warning => MessageType.Warning,
                _ => MessageType.Info,
            };
            _ = client.NotifyAsync("window/logMessage", new LogMessageParams(type, $"notelsp : {message}"), LspJsonContext.Wire.LogMessageParams);
        }
    }

    private static string Label(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        _ => "critical",
    };

    private sealed class LspLogger(LspLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            // The exception itself is left out: its message could quote document text.
            var message = formatter(state, null);
            if (exception is not null)
            {
                message += $" ({exception.GetType().Name})";
            }

            provider.Write(logLevel, category, message);
        }
    }

    private readonly LogLevel _minimum = minimum;
}
