using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cnaemo.NoteLsp.Tests.Shared;

namespace Cnaemo.NoteLsp.Lsp.Tests.Stdio;

/// <summary>
/// A real client for the built server process: Content-Length framed JSON-RPC over the process's standard input
/// and output. It answers the server's own requests (configuration, workspace edits) and records them.
/// </summary>
public sealed class LspProcess : IAsyncDisposable
{
    /// <summary>How long any single wait may take before the test fails; generous for a loaded machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly List<JsonElement> _notifications = [];
    private readonly List<JsonElement> _serverRequests = [];
    private readonly List<JsonElement> _untaggedResponses = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly StringBuilder _stderr = new();
    private readonly Task _readLoop;
    private int _nextId;

    private LspProcess(Process process)
    {
        _process = process;
        _stdin = process.StandardInput.BaseStream;
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        _readLoop = Task.Run(ReadLoopAsync);
    }

    /// <summary>The settings the client answers to <c>workspace/configuration</c>.</summary>
    public JsonNode? ConfigurationAnswer { get; set; }

    /// <summary>Whether the client accepts <c>workspace/applyEdit</c>.</summary>
    public bool ApplyEdits { get; set; } = true;

    /// <summary>Everything the server wrote to standard error so far.</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>The server's exit code, once it has exited.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Starts the server built next to these tests (same configuration).</summary>
    public static LspProcess Start()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = RepoPaths.InRepo("server", "bin", configuration, "net10.0", "notelsp.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("lsp");
        start.ArgumentList.Add("--stdio");
        return new LspProcess(Process.Start(start) ?? throw new InvalidOperationException("cannot start the server"));
    }

    /// <summary>Starts the server and completes the initialize/initialized handshake.</summary>
    public static async Task<LspProcess> StartInitializedAsync(object? initializationOptions = null, string? rootUri = null, object? capabilities = null)
    {
        var server = Start();
        var response = await server.RequestAsync("initialize", new
        {
            processId = Environment.ProcessId,
            rootUri,
            capabilities = capabilities ?? new { },
            initializationOptions,
        });
        Assert.True(response.TryGetProperty("result", out _), response.ToString());
        await server.NotifyAsync("initialized", new { });
        return server;
    }

    /// <summary>Sends a request and returns the whole response message (result or error).</summary>
    public async Task<JsonElement> RequestAsync(string method, object? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var completion = SendRequest(id, method, parameters);
        await completion.sent;
        return await completion.response.WaitAsync(Patience);
    }

    /// <summary>Sends a request without waiting for the answer; returns its id and the pending answer.</summary>
    public (int Id, Task<JsonElement> Response) StartRequest(string method, object? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var (sent, response) = SendRequest(id, method, parameters);
        sent.GetAwaiter().GetResult();
        return (id, response.WaitAsync(Patience));
    }

    /// <summary>Sends a notification.</summary>
    public Task NotifyAsync(string method, object? parameters = null) =>
        WriteMessageAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = ToNode(parameters) });

    /// <summary>Writes bytes as they are, for malformed frames.</summary>
    public async Task SendRawAsync(byte[] bytes)
    {
        await _writeLock.WaitAsync();
        try
        {
            await _stdin.WriteAsync(bytes);
            await _stdin.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Frames <paramref name="body"/> with a correct header and sends it as it is.</summary>
    public Task SendBodyAsync(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return SendRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n"), .. bytes]);
    }

    /// <summary>Closes the server's standard input, as an editor that dies would.</summary>
    public void CloseInput() => _stdin.Close();

    /// <summary>Waits for a notification of <paramref name="method"/> whose params satisfy <paramref name="match"/>.</summary>
    public Task<JsonElement> WaitForNotificationAsync(string method, Func<JsonElement, bool>? match = null) =>
        WaitForAsync(_notifications, m => m.GetProperty("method").GetString() == method && (match is null || match(m.GetProperty("params"))), $"notification {method}");

    /// <summary>Waits for a request the server sent to this client.</summary>
    public Task<JsonElement> WaitForServerRequestAsync(string method, Func<JsonElement, bool>? match = null) =>
        WaitForAsync(_serverRequests, m => m.GetProperty("method").GetString() == method && (match is null || match(m.GetProperty("params"))), $"request {method}");

    /// <summary>Waits for a response with a null id (answers to frames the server could not read).</summary>
    public Task<JsonElement> WaitForUntaggedResponseAsync(int count) =>
        WaitForAsync(_untaggedResponses, _ => true, "untagged response", skip: count - 1);

    /// <summary>Waits for a response that matches no request of this client (wrong, null or foreign id).</summary>
    public Task<JsonElement> WaitForUntaggedResponseAsync(Func<JsonElement, bool> match) =>
        WaitForAsync(_untaggedResponses, match, "matching untagged response");

    /// <summary>The responses received so far that matched no request of this client.</summary>
    public IReadOnlyList<JsonElement> UntaggedResponses
    {
        get
        {
            lock (_untaggedResponses)
            {
                return [.. _untaggedResponses];
            }
        }
    }

    /// <summary>Waits for the diagnostics of <paramref name="uri"/> at <paramref name="version"/>.</summary>
    public async Task<JsonElement[]> WaitForDiagnosticsAsync(string uri, int version)
    {
        var message = await WaitForNotificationAsync(
            "textDocument/publishDiagnostics",
            p => p.GetProperty("uri").GetString() == uri && p.TryGetProperty("version", out var v) && v.GetInt32() == version);
        return [.. message.GetProperty("params").GetProperty("diagnostics").EnumerateArray()];
    }

    /// <summary>Forgets the notifications received so far, so that the next wait sees only new ones.</summary>
    public void ClearNotifications()
    {
        lock (_notifications)
        {
            _notifications.Clear();
        }
    }

    /// <summary>Shuts the server down properly and returns its exit code.</summary>
    public async Task<int> ShutdownAsync()
    {
        var response = await RequestAsync("shutdown");
        Assert.True(response.TryGetProperty("result", out _), response.ToString());
        await NotifyAsync("exit");
        return await WaitForExitAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await _readLoop.WaitAsync(Patience).ConfigureAwait(false);
        _process.Dispose();
        _writeLock.Dispose();
        _arrived.Dispose();
    }

    private (Task sent, Task<JsonElement> response) SendRequest(int id, string method, object? parameters)
    {
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = ToNode(parameters);
        }

        return (WriteMessageAsync(message), completion.Task);
    }

    private async Task WriteMessageAsync(JsonNode message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        await SendRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body]);
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        _ => JsonSerializer.SerializeToNode(value),
    };

    private async Task<JsonElement> WaitForAsync(List<JsonElement> list, Func<JsonElement, bool> match, string what, int skip = 0)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            lock (list)
            {
                var found = list.Where(match).Skip(skip).Take(1).ToList();
                if (found.Count == 1)
                {
                    return found[0];
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No {what} within {Patience.TotalSeconds} s. Server log:\n{StandardError}");
            }

            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    private async Task ReadLoopAsync()
    {
        var stdout = _process.StandardOutput.BaseStream;
        while (await ReadFrameAsync(stdout) is { } message)
        {
            var hasId = message.TryGetProperty("id", out var id);
            if (message.TryGetProperty("method", out _))
            {
                if (hasId)
                {
                    lock (_serverRequests)
                    {
                        _serverRequests.Add(message);
                    }

                    await AnswerServerRequestAsync(message, id);
                }
                else
                {
                    lock (_notifications)
                    {
                        _notifications.Add(message);
                    }
                }
            }
            else if (hasId && id.ValueKind == JsonValueKind.Number && _pending.TryRemove(id.GetInt32(), out var completion))
            {
                completion.TrySetResult(message);
            }
            else
            {
                lock (_untaggedResponses)
                {
                    _untaggedResponses.Add(message);
                }
            }

            _arrived.Release();
        }
    }

    private async Task AnswerServerRequestAsync(JsonElement message, JsonElement id)
    {
        JsonNode? result = message.GetProperty("method").GetString() switch
        {
            "workspace/configuration" => new JsonArray(ConfigurationAnswer?.DeepClone()),
            "workspace/applyEdit" => new JsonObject { ["applied"] = ApplyEdits },
            _ => null,
        };
        await WriteMessageAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(id.GetRawText()), ["result"] = result });
    }

    private static async Task<JsonElement?> ReadFrameAsync(Stream stream)
    {
        var header = new StringBuilder();
        var buffer = new byte[1];
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer) == 0)
            {
                return null;
            }

            header.Append((char)buffer[0]);
        }

        var lengthLine = header.ToString().Split("\r\n").First(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = int.Parse(lengthLine["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
