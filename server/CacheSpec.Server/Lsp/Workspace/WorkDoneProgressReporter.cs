using System.Diagnostics;
using System.Text.Json;
using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Workspace;

/// <summary>
/// Work-done progress for the workspace scan: on the token the client gave with initialize, or one the server creates
/// when the client supports window/workDoneProgress; a no-op otherwise.
/// </summary>
public sealed class WorkDoneProgressReporter
{
    /// <summary>How long work runs before its first report, and the least time between two reports.</summary>
    public static readonly TimeSpan ReportInterval = TimeSpan.FromMilliseconds(250);

    private readonly LspClient? client;
    private readonly JsonElement token;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly object reporting = new();
    private TimeSpan nextReport = ReportInterval;
    private int reported;

    private WorkDoneProgressReporter(LspClient? client, JsonElement token)
    {
        this.client = client;
        this.token = token;
    }

    public static async Task<WorkDoneProgressReporter> StartAsync(ServerContext context, string title)
    {
        var token = context.Session.WorkDoneToken;
        if (!IsUsable(token) && context.Session.Capabilities.ShowsWorkDoneProgress)
        {
            token = JsonSerializer.SerializeToElement("cachespec-workspace-load", LspJsonContext.Default.String);
            await context.Client.RequestAsync("window/workDoneProgress/create", ToLsp.CreateProgress(token.Value),
                LspJsonContext.Default.WorkDoneProgressCreateParams).ConfigureAwait(false);
        }
        if (!IsUsable(token))
        {
            return new WorkDoneProgressReporter(null, default);
        }
        var reporter = new WorkDoneProgressReporter(context.Client, token!.Value);
        await reporter.SendAsync(ToLsp.ProgressBegin(reporter.token, title)).ConfigureAwait(false);
        return reporter;
    }

    /// <summary>
    /// Reports how far the work has come, from any thread: only once it has run for <see cref="ReportInterval"/>, then
    /// at most once per interval, and only when the percentage grew (a short load reports nothing).
    /// </summary>
    public void Report(int percentage, string message)
    {
        lock (reporting)
        {
            var now = clock.Elapsed;
            if (client is null || percentage <= reported || now < nextReport)
            {
                return;
            }
            reported = percentage;
            nextReport = now + ReportInterval;
        }
        _ = SendAsync(ToLsp.ProgressReport(token, message, Math.Min(percentage, 100)))
            .ContinueWith(task => _ = task.Exception, TaskContinuationOptions.OnlyOnFaulted);
    }

    public Task EndAsync(string message) => SendAsync(ToLsp.ProgressEnd(token, message));

    private static bool IsUsable(JsonElement? token) =>
        token is { ValueKind: JsonValueKind.String or JsonValueKind.Number };

    private Task SendAsync(ProgressParams progress) =>
        client is null ? Task.CompletedTask
            : client.NotifyAsync("$/progress", progress, LspJsonContext.Default.ProgressParams);
}
