using CacheSpec.Analysis.Configuration;
using CacheSpec.Server.Discovery;
using CacheSpec.Server.Lsp.Protocol;
using CacheSpec.Server.Lsp.Workspace;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>
/// workspace/didChangeWatchedFiles: keeps closed files current and re-reads every spec when a cachespec.json changes.
/// </summary>
public sealed class DidChangeWatchedFilesHandler() : NotificationHandler<DidChangeWatchedFilesParams>(
    "workspace/didChangeWatchedFiles", LspJsonContext.Default.DidChangeWatchedFilesParams)
{
    protected override void Handle(DidChangeWatchedFilesParams parameters, ServerContext context)
    {
        if (parameters.Changes.Any(change =>
            change.Uri.Path is { } changed && Path.GetFileName(changed) == RuleConfiguration.FileName))
        {
            context.ReloadConfigurations();
        }
        foreach (var change in parameters.Changes)
        {
            if (change.Uri.Path is not { } path || !SpecFileFinder.IsSpecFile(path)
                || !WorkspaceScanner.IsInWorkspace(path, context.Session.Folders))
            {
                continue;
            }
            var text = change.Type == FileChangeType.Deleted ? null
                : WorkspaceScanner.TryRead(path, context.Client.Log);
            if (text is null)
            {
                context.Workspace.RemoveFromDisk(change.Uri);
            }
            else
            {
                context.Workspace.LoadFromDisk(new[] { (change.Uri, text) });
            }
        }
        context.Publisher.Schedule(null);
    }
}
