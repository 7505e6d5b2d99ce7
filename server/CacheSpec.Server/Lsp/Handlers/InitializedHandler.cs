using System.Text.Json;
using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.JsonRpc;
using CacheSpec.Server.Lsp.Protocol;
using CacheSpec.Server.Lsp.Workspace;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>
/// initialized: loads every spec file under the workspace folders (read, parsed and bound on every core, with work-done
/// progress and a line in the log that times each stage), checks them once, and asks to be told of file changes.
/// </summary>
public sealed class InitializedHandler() : NotificationHandler<JsonElement>("initialized",
    LspJsonContext.Default.JsonElement)
{
    /// <summary>
    /// How long the load waits for the client to accept a progress token before it goes on without progress.
    /// </summary>
    private static readonly TimeSpan ProgressWait = TimeSpan.FromSeconds(3);

    protected override void Handle(JsonElement parameters, ServerContext context) => _ = LoadAsync(context);

    private static async Task LoadAsync(ServerContext context)
    {
        try
        {
            var progress = await StartProgressAsync(context).ConfigureAwait(false);
            var folders = context.Session.Folders;
            var load = new WorkspaceLoad { Advanced = progress is null ? null : progress.Report };
            var files = WorkspaceScanner.Scan(folders, context.Client.Log, load);
            var snapshot = context.Workspace.LoadFromDisk(files, load);
            // The first analysis, which the publisher then finds done (unless a change came meanwhile).
            load.Analysing();
            _ = snapshot.Engine.Analysis;
            load.EndStage("analysis");
            if (progress is not null)
            {
                await progress.EndAsync($"{files.Count} spec file(s) loaded").ConfigureAwait(false);
            }
            context.Client.Log(load.Summary(files.Count, folders.Count));
            context.Publisher.Schedule(null);
            if (context.Session.Capabilities.RegistersFileWatchers)
            {
                await context.Client.RequestAsync("client/registerCapability", ToLsp.FileWatchers(),
                    LspJsonContext.Default.RegistrationParams)
                    .ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            context.Client.Log($"Loading the workspace failed: {exception.Message}", MessageType.Error);
        }
    }

    /// <summary>
    /// Progress is optional: a client that refuses window/workDoneProgress/create, or does not answer it in time, still
    /// gets its workspace loaded (without progress). A late acceptance is ended at once, so no progress is left open in
    /// the client.
    /// </summary>
    private static async Task<WorkDoneProgressReporter?> StartProgressAsync(ServerContext context)
    {
        var starting = WorkDoneProgressReporter.StartAsync(context, "Loading cache isolation specs");
        if (await Task.WhenAny(starting, Task.Delay(ProgressWait)).ConfigureAwait(false) != starting)
        {
            context.Client.Log(
                "The client did not answer window/workDoneProgress/create; loading the workspace without progress.",
                MessageType.Warning);
            _ = starting.ContinueWith(late => late.Result.EndAsync("Loaded"),
                TaskContinuationOptions.OnlyOnRanToCompletion);
            _ = starting.ContinueWith(late => _ = late.Exception, TaskContinuationOptions.OnlyOnFaulted);
            return null;
        }
        try
        {
            return await starting.ConfigureAwait(false);
        }
        catch (RpcException exception)
        {
            context.Client.Log(
                $"The client refused a progress token ({exception.Message}); loading the workspace without progress.",
                MessageType.Warning);
            return null;
        }
    }
}
