using System.Threading.Channels;
using CacheSpec.Server.Lsp.Protocol;
using Engine = CacheSpec.Analysis.Diagnostics;

namespace CacheSpec.Server.Lsp.Workspace;

/// <summary>
/// Pushes textDocument/publishDiagnostics after changes, as soon as the analysis of the newest text is done: there is
/// no fixed wait unless the client asks for one (<see cref="Delay"/>). A change to a small workspace is published by
/// the thread that applied it, before the next message is read: its analysis takes less than the hand-over to the
/// publishing loop would. Larger workspaces are published by the loop, which gathers the changes that arrive while it
/// analyses and drops an analysis that a newer change made stale, so the versions a client sees only ever increase. A
/// document that changed is always re-published (with its version), any other file only when its diagnostics changed (a
/// change in one file can add or clear findings in another), and a file that left the workspace gets an empty list.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001",
    Justification =
    "A SemaphoreSlim whose wait handle is never asked for holds nothing to release, and the object lives as long as " +
    "the connection.")]
public sealed class DiagnosticsPublisher
{
    private readonly ServerWorkspace workspace;
    private readonly Func<string, int?, IEnumerable<Engine.Diagnostic>, bool, Task> send;
    private readonly Channel<DocumentUri?> changes = Channel.CreateUnbounded<DocumentUri?>(
        new UnboundedChannelOptions { SingleReader = true });
    /// <summary>
    /// What was last pushed for each file, as the engine's findings (equal findings convert to equal LSP diagnostics),
    /// and for which version.
    /// </summary>
    private readonly Dictionary<string, (IReadOnlyList<Engine.Diagnostic> Findings, int? Version, bool OutOfSync)>
        published = new(StringComparer.Ordinal);
    /// <summary>One publication at a time, by the loop or by the thread that applied a change.</summary>
    private readonly SemaphoreSlim publishing = new(1, 1);
    /// <summary>
    /// The documents changed since the last publication (normalized URIs); read and written only under
    /// <see cref="publishing"/>.
    /// </summary>
    private readonly HashSet<string> pending = new(StringComparer.Ordinal);

    public DiagnosticsPublisher(ServerWorkspace workspace,
        Func<string, int?, IEnumerable<Engine.Diagnostic>, bool, Task> send)
    {
        this.workspace = workspace;
        this.send = send;
    }

    /// <summary>
    /// False when the client pulls the diagnostics of its open documents; closed files are pushed either way.
    /// </summary>
    public bool PushOpenDocuments { get; set; } = true;

    /// <summary>
    /// How long to wait for more keystrokes before analysing: none unless the client asks
    /// (initializationOptions.diagnosticsDelayMs).
    /// </summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// The most text a workspace may hold for a change to it to be published at once, on the caller's thread. Above it,
    /// rules run on every core and an analysis can take long enough for the changes typed meanwhile to be worth
    /// gathering into one.
    /// </summary>
    public const int PublishAtOnceLimit = 64 * 1024;

    /// <summary>
    /// Asks for a publication; the URI names the document that changed (null when only the workspace's files changed).
    /// With no delay, a small workspace and no publication under way, the change is published before this returns.
    /// </summary>
    public void Schedule(DocumentUri? changedUri)
    {
        var snapshot = workspace.Current;
        if (changedUri is not null && Delay == TimeSpan.Zero && IsSmall(snapshot) && publishing.Wait(0))
        {
            try
            {
                pending.Add(changedUri.Key);
                PublishAsync(snapshot).GetAwaiter().GetResult();
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
        foreach (var file in snapshot.Engine.Files.Values)
        {
            length += file.Text.Length;
            if (length > PublishAtOnceLimit)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Called by the loop when an analysis is done, before it checks whether a newer change made it stale (a test
    /// seam).
    /// </summary>
    internal Action? AnalysisDone { get; set; }

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
                Drain(reader, changed);
                pending.UnionWith(changed);
                var snapshot = workspace.Current;
                _ = snapshot.Engine.Analysis;
                AnalysisDone?.Invoke();
                // A change applied during the analysis has scheduled another round: publishing this one would show
                // stale findings for a moment, and an older version after a newer one if that change was published at
                // once.
                if (ReferenceEquals(snapshot, workspace.Current))
                {
                    await PublishAsync(snapshot).ConfigureAwait(false);
                }
                if (snapshot.Engine.Host.LastAnalysis.Fresh)
                {
                    // After a fresh analysis (the workspace load), get the next keystroke's index ready while idle.
                    _ = Task.Run(snapshot.Engine.Host.PrepareNextAnalysis, CancellationToken.None);
                }
            }
            finally
            {
                publishing.Release();
            }
        }
    }

    private static void Drain(ChannelReader<DocumentUri?> reader, HashSet<string> changed)
    {
        while (reader.TryRead(out var uri))
        {
            if (uri is not null)
            {
                changed.Add(uri.Key);
            }
        }
    }

    /// <summary>
    /// Publishes a snapshot's findings: the pending documents and every file whose findings changed. Called under
    /// <see cref="publishing"/>.
    /// </summary>
    private async Task PublishAsync(WorkspaceSnapshot snapshot)
    {
        var analysis = snapshot.Engine.Analysis;
        var (documents, gone) = ToVisit(snapshot, analysis);
        foreach (var (key, document) in documents)
        {
            if (document.IsOpen && !PushOpenDocuments)
            {
                // The client pulls this document now: clear what was pushed while it was closed, so nothing shows
                // twice.
                if (published.Remove(key))
                {
                    await send(document.Uri.Text, null, Array.Empty<Engine.Diagnostic>(), false).ConfigureAwait(false);
                }
                continue;
            }
            // Findings an analysis did not touch are the very same list as before: no comparison needed.
            var findings = analysis.For(document.Uri.Text);
            // A changed document is published again with its new version, even with the same findings; never twice for
            // one version.
            if (!published.TryGetValue(key, out var previous)
                || !(ReferenceEquals(previous.Findings, findings) || previous.Findings.SequenceEqual(findings))
                || (pending.Contains(key) && previous.Version != document.Version)
                || previous.OutOfSync != document.IsOutOfSync)
            {
                published[key] = (findings, document.Version, document.IsOutOfSync);
                await send(document.Uri.Text, document.Version, findings, document.IsOutOfSync).ConfigureAwait(false);
            }
        }
        foreach (var key in gone.Where(key => !snapshot.Editor.ContainsKey(key) && published.ContainsKey(key))
            .ToArray())
        {
            published.Remove(key);
            await send(key, null, Array.Empty<Engine.Diagnostic>(), false).ConfigureAwait(false);
        }
        pending.Clear();
        lastPublished = analysis;
    }

    /// <summary>The analysis last published from, whose changes since tell which files to look at.</summary>
    private Analysis.Rules.AnalysisResult? lastPublished;

    /// <summary>
    /// The documents a publication looks at, and the keys that may have left: every document and every key once
    /// published when the analysis cannot say what changed since the last publication; otherwise only the changed
    /// documents and the files whose findings it may have changed, so a keystroke in one of 10,000 files looks at a
    /// few.
    /// </summary>
    private (IEnumerable<KeyValuePair<string, EditorState>> Documents, IEnumerable<string> Gone) ToVisit(
        WorkspaceSnapshot snapshot, Analysis.Rules.AnalysisResult analysis)
    {
        if (lastPublished is null || analysis.PathsChangedSince(lastPublished) is not { } paths)
        {
            return (snapshot.Editor, published.Keys);
        }
        var keys = new HashSet<string>(pending, StringComparer.Ordinal);
        foreach (var path in paths)
        {
            keys.Add(new DocumentUri(path).Key);
        }
        var documents = keys.Order(StringComparer.Ordinal)
            .Select(key => snapshot.Editor.TryGetValue(key, out var state) ? (Key: key, State: state) : default)
            .Where(entry => entry.State is not null)
            .Select(entry => KeyValuePair.Create(entry.Key, entry.State!))
            .ToArray();
        return (documents, keys);
    }
}
