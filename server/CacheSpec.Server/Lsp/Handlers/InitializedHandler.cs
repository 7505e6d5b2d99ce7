using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CacheSpec.Server.Lsp.Protocol;
using CacheSpec.Server.Lsp.Workspace;
using StreamJsonRpc;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>initialized: loads every spec file under the workspace folders (with work-done progress) and asks to be told of file changes.</summary>
public sealed class InitializedHandler : NotificationHandler<JsonElement>
{
    public override string Method => "initialized";
    protected override JsonTypeInfo<JsonElement> ParamsType => LspJsonContext.Default.JsonElement;

    protected override void Handle(JsonElement parameters, ServerContext context) => _ = LoadAsync(context);

    /// <summary>How long the load waits for the client to accept a progress token before it goes on without progress.</summary>
    private static readonly TimeSpan ProgressWait = TimeSpan.FromSeconds(3);

    private static async Task LoadAsync(ServerContext context)
    {
        try
        {
            var progress = await StartProgressAsync(context).ConfigureAwait(false);
            var files = WorkspaceScanner.Scan(context.WorkspaceFolders, context.Client.Log);
            context.Workspace.LoadFromDisk(files);
            if (progress is not null)
            {
                await progress.EndAsync($"{files.Count} spec file(s) loaded").ConfigureAwait(false);
            }
            context.Client.Log($"Loaded {files.Count} spec file(s) from {context.WorkspaceFolders.Count} workspace folder(s).");
            context.Publisher.Schedule(null);
            await RegisterFileWatchersAsync(context).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            context.Client.Log($"Loading the workspace failed: {exception.Message}", 1);
        }
    }

    /// <summary>
    /// Progress is optional: a client that refuses window/workDoneProgress/create, or does not answer it in time, still gets its
    /// workspace loaded (without progress). A late acceptance is ended at once, so no progress is left open in the client.
    /// </summary>
    private static async Task<WorkDoneProgressReporter?> StartProgressAsync(ServerContext context)
    {
        var starting = WorkDoneProgressReporter.StartAsync(context, "Loading cache isolation specs");
        if (await Task.WhenAny(starting, Task.Delay(ProgressWait)).ConfigureAwait(false) != starting)
        {
            context.Client.Log("The client did not answer window/workDoneProgress/create; loading the workspace without progress.", 2);
            _ = starting.ContinueWith(late => late.Result.EndAsync("Loaded"), TaskContinuationOptions.OnlyOnRanToCompletion);
            _ = starting.ContinueWith(late => _ = late.Exception, TaskContinuationOptions.OnlyOnFaulted);
            return null;
        }
        try
        {
            return await starting.ConfigureAwait(false);
        }
        catch (RemoteInvocationException exception)
        {
            context.Client.Log($"The client refused a progress token ({exception.Message}); loading the workspace without progress.", 2);
            return null;
        }
    }

    private static async Task RegisterFileWatchersAsync(ServerContext context)
    {
        var capabilities = context.InitializeParams?.Capabilities;
        if (capabilities is not { ValueKind: JsonValueKind.Object } caps
            || !caps.TryGetProperty("workspace", out var workspace) || workspace.ValueKind != JsonValueKind.Object
            || !workspace.TryGetProperty("didChangeWatchedFiles", out var watched) || watched.ValueKind != JsonValueKind.Object
            || !watched.TryGetProperty("dynamicRegistration", out var dynamic) || dynamic.ValueKind != JsonValueKind.True)
        {
            return;
        }
        var options = JsonSerializer.SerializeToElement(
            new DidChangeWatchedFilesRegistrationOptions(new[] { new Protocol.FileSystemWatcher("**/*.cachespec.{yaml,yml}"), new Protocol.FileSystemWatcher("**/cachespec.json") }),
            LspJsonContext.Default.DidChangeWatchedFilesRegistrationOptions);
        var registration = new RegistrationParams(new[] { new Registration("cachespec-watch", "workspace/didChangeWatchedFiles", options) });
        await context.Client.RequestAsync("client/registerCapability", registration, LspJsonContext.Default.RegistrationParams).ConfigureAwait(false);
    }
}
