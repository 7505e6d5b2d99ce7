using System.Text.Json;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Workspace;

/// <summary>
/// Work-done progress for the workspace scan: on the token the client gave with initialize, or one the server creates when the
/// client supports window/workDoneProgress; a no-op otherwise.
/// </summary>
public sealed class WorkDoneProgressReporter
{
    private readonly ServerContext? context;
    private readonly JsonElement token;

    private WorkDoneProgressReporter(ServerContext? context, JsonElement token)
    {
        this.context = context;
        this.token = token;
    }

    public static async Task<WorkDoneProgressReporter> StartAsync(ServerContext context, string title)
    {
        var token = context.InitializeParams?.WorkDoneToken;
        if (token is not { ValueKind: JsonValueKind.String or JsonValueKind.Number } && ClientSupportsProgress(context))
        {
            token = JsonSerializer.SerializeToElement("cachespec-workspace-load", LspJsonContext.Default.String);
            await context.Client.RequestAsync("window/workDoneProgress/create", new WorkDoneProgressCreateParams(token.Value), LspJsonContext.Default.WorkDoneProgressCreateParams)
                .ConfigureAwait(false);
        }
        if (token is not { ValueKind: JsonValueKind.String or JsonValueKind.Number } usable)
        {
            return new WorkDoneProgressReporter(null, default);
        }
        var reporter = new WorkDoneProgressReporter(context, usable);
        await reporter.SendAsync(new WorkDoneProgress("begin", Title: title)).ConfigureAwait(false);
        return reporter;
    }

    public Task EndAsync(string message) => SendAsync(new WorkDoneProgress("end", Message: message));

    private Task SendAsync(WorkDoneProgress value) =>
        context is null ? Task.CompletedTask : context.Client.NotifyAsync("$/progress", new ProgressParams(token, value), LspJsonContext.Default.ProgressParams);

    private static bool ClientSupportsProgress(ServerContext context) =>
        context.InitializeParams?.Capabilities is { ValueKind: JsonValueKind.Object } capabilities
        && capabilities.TryGetProperty("window", out var window) && window.ValueKind == JsonValueKind.Object
        && window.TryGetProperty("workDoneProgress", out var supported) && supported.ValueKind == JsonValueKind.True;
}
