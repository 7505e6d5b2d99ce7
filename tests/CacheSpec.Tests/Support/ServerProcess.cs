using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace CacheSpec.Tests.Support;

/// <summary>
/// The real "cachespec serve --stdio" process (the apphost beside the tests), optionally started through a launcher
/// such as strace or setpriv, driven by a StreamJsonRpc client as an editor would. Diagnostics are kept by URI as they
/// are published.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, JObject> diagnostics = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim published = new(0);
    private readonly StringBuilder errors = new();

    public ServerProcess(IReadOnlyList<string> launcher, string workingDirectory)
    {
        var start = new ProcessStartInfo(launcher.Count > 0 ? launcher[0] : Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in launcher.Skip(1).Concat(launcher.Count > 0 ? new[] { Executable } : Array.Empty<string>())
            .Concat(new[] { "serve", "--stdio" }))
        {
            start.ArgumentList.Add(arg);
        }
        Process = Process.Start(start)!;
        Process.ErrorDataReceived += (_, line) =>
        {
            lock (errors)
            {
                errors.AppendLine(line.Data);
            }
        };
        Process.BeginErrorReadLine();
        Rpc = new JsonRpc(new HeaderDelimitedMessageHandler(Process.StandardInput.BaseStream,
            Process.StandardOutput.BaseStream, new JsonMessageFormatter()));
        Rpc.AddLocalRpcMethod("textDocument/publishDiagnostics", new Action<JToken>(OnPublish));
        Rpc.AddLocalRpcMethod("window/logMessage", new Action<JToken>(message => Log.Enqueue((string?)message["message"]
            ?? "")));
        Rpc.AddLocalRpcMethod("window/workDoneProgress/create", new Func<JToken, object?>(_ => null));
        Rpc.AddLocalRpcMethod("client/registerCapability", new Func<JToken, object?>(_ => null));
        Rpc.AddLocalRpcMethod("$/progress", new Action<JToken>(_ => { }));
        Rpc.StartListening();
    }

    /// <summary>The apphost built beside the tests.</summary>
    public static string Executable => Path.Combine(AppContext.BaseDirectory, "cachespec");

    public Process Process { get; }

    public JsonRpc Rpc { get; }

    /// <summary>The window/logMessage texts received, in order.</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    public string StandardError
    {
        get
        {
            lock (errors)
            {
                return errors.ToString();
            }
        }
    }

    public async Task InitializeAsync(string rootPath, object? capabilities = null)
    {
        await Rpc.InvokeWithParameterObjectAsync<JToken>("initialize", new
        {
            processId = Environment.ProcessId,
            rootUri = new Uri(rootPath).AbsoluteUri,
            capabilities = capabilities ?? new { },
            initializationOptions = new { diagnosticsDelayMs = 0 },
        });
        await Rpc.NotifyWithParameterObjectAsync("initialized", new { });
    }

    public Task<JToken> RequestAsync(string method, object parameters) =>
        Rpc.InvokeWithParameterObjectAsync<JToken>(method, parameters);

    public Task NotifyAsync(string method, object parameters) => Rpc.NotifyWithParameterObjectAsync(method, parameters);

    public async Task<JObject> WaitForDiagnosticsAsync(string uri, Func<JObject, bool>? until = null,
        int timeoutMs = 30_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            if (diagnostics.TryGetValue(uri, out var latest) && (until?.Invoke(latest) ?? true))
            {
                return latest;
            }
            await published.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
        throw new TimeoutException(
            $"No matching diagnostics were published for {uri}. The server's stderr:\n{StandardError}");
    }

    /// <summary>shutdown, then exit; returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        await Rpc.InvokeWithParameterObjectAsync<JToken>("shutdown", new { });
        await Rpc.NotifyWithParameterObjectAsync("exit", new { });
        await Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return Process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Rpc.Dispose();
        if (!Process.HasExited)
        {
            await Task.WhenAny(Process.WaitForExitAsync(), Task.Delay(5_000));
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }
        }
        Process.Dispose();
    }

    private void OnPublish(JToken parameters)
    {
        diagnostics[(string)parameters["uri"]!] = (JObject)parameters;
        published.Release();
    }
}
