using System.Text.Json.Serialization.Metadata;
using CacheSpec.Analysis.Configuration;
using CacheSpec.Server.Cli;
using CacheSpec.Server.Lsp.Conversion;
using CacheSpec.Server.Lsp.Protocol;
using CacheSpec.Server.Lsp.Workspace;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>workspace/didChangeWatchedFiles: keeps closed files current (1 created, 2 changed, 3 deleted) and re-reads every spec when a cachespec.json changes.</summary>
public sealed class DidChangeWatchedFilesHandler : NotificationHandler<DidChangeWatchedFilesParams>
{
    public override string Method => "workspace/didChangeWatchedFiles";
    protected override JsonTypeInfo<DidChangeWatchedFilesParams> ParamsType => LspJsonContext.Default.DidChangeWatchedFilesParams;

    protected override void Handle(DidChangeWatchedFilesParams parameters, ServerContext context)
    {
        if (parameters.Changes.Any(change => LspConverter.ToPath(change.Uri) is { } changed && Path.GetFileName(changed) == RuleConfiguration.FileName))
        {
            context.ReloadConfigurations();
        }
        foreach (var change in parameters.Changes)
        {
            var path = LspConverter.ToPath(change.Uri);
            if (path is null || !SpecFileFinder.IsSpecFile(path) || !WorkspaceScanner.IsInWorkspace(path, context.WorkspaceFolders))
            {
                continue;
            }
            var text = change.Type == 3 ? null : WorkspaceScanner.TryRead(path, context.Client.Log);
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
