using System.Collections.Concurrent;
using CacheSpec.Server.Lsp;
using CacheSpec.Server.Lsp.Handlers;
using Nerdbank.Streams;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace CacheSpec.Tests.Lsp;

/// <summary>
/// The language server on an in-memory duplex stream, driven by a StreamJsonRpc client as an editor would.
/// </summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, JObject> diagnostics = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim published = new(0);

    /// <param name="extraHandlers">Handlers of test methods, served beside the server's own.</param>
    public InProcessServer(params LspHandler[] extraHandlers)
    {
        var (clientStream, serverStream) = FullDuplexStream.CreatePair();
        var handlers = HandlerList.Create().Concat(extraHandlers).ToArray();
        ServerExit = Task.Run(() =>
            LanguageServerHost.RunAsync(serverStream, serverStream, TextWriter.Null, handlers, ServerOptions.Default,
                CancellationToken.None));
        Rpc = new JsonRpc(new HeaderDelimitedMessageHandler(clientStream, clientStream, new JsonMessageFormatter()));
        Rpc.AddLocalRpcMethod("textDocument/publishDiagnostics", new Action<JToken>(OnPublish));
        Rpc.AddLocalRpcMethod("window/logMessage",
            new Action<JToken>(message => logged.Enqueue((string)message["message"]!)));
        Rpc.AddLocalRpcMethod("window/workDoneProgress/create", new Func<JToken, object?>(_ => null));
        Rpc.AddLocalRpcMethod("client/registerCapability", new Func<JToken, object?>(_ => null));
        Rpc.AddLocalRpcMethod("$/progress", new Action<JToken>(progress => this.progress.Enqueue((JObject)progress)));
        Rpc.StartListening();
    }

    public JsonRpc Rpc { get; }

    /// <summary>Every window/logMessage the server sent, in order.</summary>
    public IReadOnlyList<string> Logged => logged.ToArray();

    private readonly ConcurrentQueue<string> logged = new();

    /// <summary>
    /// Waits until the server has logged a message that satisfies a condition (or fails after a timeout).
    /// </summary>
    public async Task<string> WaitForLogAsync(Func<string, bool> wanted, int timeoutMs = 15_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            if (logged.FirstOrDefault(wanted) is { } message)
            {
                return message;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException("No matching message was logged.");
    }

    public Task<int> ServerExit { get; }

    /// <summary>Every $/progress the server sent, in order.</summary>
    public IReadOnlyList<JObject> Progress => progress.ToArray();

    private readonly ConcurrentQueue<JObject> progress = new();

    /// <summary>
    /// Initializes the server; <paramref name="diagnosticsDelayMs"/> null sends none, as the VS Code extension does.
    /// </summary>
    public async Task<JToken> InitializeAsync(string? rootPath = null, bool pullsDiagnostics = false,
        string? guidance = null, object? clientCapabilities = null,
        int? diagnosticsDelayMs = 0)
    {
        var capabilities = clientCapabilities ?? (pullsDiagnostics
            ? new
            {
                window = new { workDoneProgress = true },
                textDocument = new { diagnostic = new { dynamicRegistration = false } }
            }
            : new { window = new { workDoneProgress = true } });
        var result = await Rpc.InvokeWithParameterObjectAsync<JToken>("initialize", new
        {
            processId = (int?)null,
            rootUri = rootPath is null ? null : new Uri(rootPath).AbsoluteUri,
            capabilities,
            initializationOptions = new { diagnosticsDelayMs, guidance },
        });
        await Rpc.NotifyWithParameterObjectAsync("initialized", new { });
        return result;
    }

    public Task<JToken> RequestAsync(string method, object parameters, CancellationToken cancellationToken = default) =>
        Rpc.InvokeWithParameterObjectAsync<JToken>(method, parameters, cancellationToken);

    public Task NotifyAsync(string method, object parameters) => Rpc.NotifyWithParameterObjectAsync(method, parameters);

    public Task OpenAsync(string uri, string text, int version = 1) =>
        NotifyAsync("textDocument/didOpen",
            new { textDocument = new { uri, languageId = "cachespec", version, text } });

    /// <summary>
    /// Waits until the diagnostics published for a URI satisfy a condition (or fails after the timeout).
    /// </summary>
    public async Task<JObject> WaitForDiagnosticsAsync(string uri, Func<JObject, bool>? until = null,
        int timeoutMs = 15_000)
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
        throw new TimeoutException($"No matching diagnostics were published for {uri}.");
    }

    public void ForgetDiagnostics() => diagnostics.Clear();

    /// <summary>Every publication seen, in order, as (uri, number of diagnostics).</summary>
    public IReadOnlyList<(string Uri, int Count)> Publications => publications.ToArray();

    private readonly ConcurrentQueue<(string, int)> publications = new();

    /// <summary>
    /// The versions published for a URI, in the order the publications arrived (null for a closed file).
    /// </summary>
    public IReadOnlyList<int?> VersionsPublished(string uri) =>
        versions.Where(entry => entry.Uri == uri).Select(entry => entry.Version).ToArray();

    private readonly ConcurrentQueue<(string Uri, int? Version)> versions = new();

    public async ValueTask DisposeAsync()
    {
        Rpc.Dispose();
        await Task.WhenAny(ServerExit, Task.Delay(5000));
    }

    private void OnPublish(JToken parameters)
    {
        diagnostics[(string)parameters["uri"]!] = (JObject)parameters;
        publications.Enqueue(((string)parameters["uri"]!, ((JArray)parameters["diagnostics"]!).Count));
        versions.Enqueue(((string)parameters["uri"]!, (int?)parameters["version"]));
        published.Release();
    }
}
