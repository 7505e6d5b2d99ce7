using System.Threading.Channels;
using CacheSpec.Server.Lsp.Conversion;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Workspace;

/// <summary>
/// Pushes textDocument/publishDiagnostics after changes. Changes that arrive within the debounce delay are analysed once; a document
/// that changed is always re-published (with its version), any other file only when its diagnostics changed (a change in one file can
/// add or clear findings in another), and a file that left the workspace gets an empty list. Without a delay, a change to a small
/// workspace is published by the thread that applied it, before the next message is read: its analysis takes less than the hand-over to
/// the publishing loop would.
/// </summary>
public sealed class DiagnosticsPublisher
{
    private readonly ServerWorkspace workspace;
    private readonly Func<PublishDiagnosticsParams, Task> send;
    private readonly Channel<string?> changes = Channel.CreateUnbounded<string?>(new UnboundedChannelOptions { SingleReader = true });
    /// <summary>What was last pushed for each file, as the engine's findings: equal findings convert to equal LSP diagnostics.</summary>
    private readonly Dictionary<string, Analysis.Diagnostics.Diagnostic[]> published = new(StringComparer.Ordinal);
    /// <summary>One publication at a time, by the loop or by the thread that applied a change.</summary>
    private readonly SemaphoreSlim publishing = new(1, 1);

    public DiagnosticsPublisher(ServerWorkspace workspace, Func<PublishDiagnosticsParams, Task> send)
    {
        this.workspace = workspace;
        this.send = send;
    }

    /// <summary>False when the client pulls the diagnostics of its open documents; closed files are pushed either way.</summary>
    public bool PushOpenDocuments { get; set; } = true;

    /// <summary>How long to wait for more keystrokes before analysing.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// The most text a workspace may hold for a change to it to be published at once, on the caller's thread. Above it, rules run on
    /// every core and an analysis can take long enough for the changes typed meanwhile to be worth gathering into one.
    /// </summary>
    public const int PublishAtOnceLimit = 64 * 1024;

    /// <summary>
    /// Asks for a publication; the URI names the document that changed (null when only the workspace's files changed). With no delay,
    /// a small workspace and no publication under way, the change is published before this returns.
    /// </summary>
    public void Schedule(string? changedUri)
    {
        var snapshot = workspace.Current;
        if (changedUri is not null && Delay == TimeSpan.Zero && IsSmall(snapshot) && publishing.Wait(0))
        {
            try
            {
                PublishAsync(snapshot, new HashSet<string>(StringComparer.Ordinal) { LspConverter.Normalize(changedUri) }).GetAwaiter().GetResult();
            }
            finally
            {
                publishing.Release();
            }
            return;
        }
        changes.Writer.TryWrite(changedUri);
    }

    private static bool IsSmall(WorkspaceSnapshot snapshot)
    {
        long length = 0;
        foreach (var document in snapshot.Documents.Values)
        {
            length += document.File.Text.Length;
            if (length > PublishAtOnceLimit)
            {
                return false;
            }
        }
        return true;
    }

    public void Complete() => changes.Writer.TryComplete();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = changes.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var changed = new HashSet<string>(StringComparer.Ordinal);
            Drain(reader, changed);
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken).ConfigureAwait(false);
                Drain(reader, changed);
            }
            await publishing.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await PublishAsync(workspace.Current, changed).ConfigureAwait(false);
            }
            finally
            {
                publishing.Release();
            }
        }
    }

    private static void Drain(ChannelReader<string?> reader, HashSet<string> changed)
    {
        while (reader.TryRead(out var uri))
        {
            if (uri is not null)
            {
                changed.Add(LspConverter.Normalize(uri));
            }
        }
    }

    private async Task PublishAsync(WorkspaceSnapshot snapshot, HashSet<string> changed)
    {
        var analysis = snapshot.Analysis;
        foreach (var (key, document) in snapshot.Documents)
        {
            if (document.IsOpen && !PushOpenDocuments)
            {
                // The client pulls this document now: clear what was pushed while it was closed, so nothing shows twice.
                if (published.Remove(key))
                {
                    await send(new PublishDiagnosticsParams(document.Uri, null, Array.Empty<Protocol.Diagnostic>())).ConfigureAwait(false);
                }
                continue;
            }
            var findings = analysis.For(document.Uri).ToArray();
            if (changed.Contains(key) || !published.TryGetValue(key, out var previous) || !previous.AsSpan().SequenceEqual(findings))
            {
                published[key] = findings;
                var diagnostics = Array.ConvertAll(findings, LspConverter.ToLsp);
                await send(new PublishDiagnosticsParams(document.Uri, document.Version, diagnostics)).ConfigureAwait(false);
            }
        }
        foreach (var gone in published.Keys.Where(key => !snapshot.Documents.ContainsKey(key)).ToArray())
        {
            published.Remove(gone);
            await send(new PublishDiagnosticsParams(gone, null, Array.Empty<Protocol.Diagnostic>())).ConfigureAwait(false);
        }
    }
}
