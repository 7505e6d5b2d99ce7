using System.IO.Pipelines;
using CacheSpec.Server.Lsp.Handlers;
using CacheSpec.Server.Lsp.JsonRpc;
using CacheSpec.Server.Lsp.Workspace;

namespace CacheSpec.Server.Lsp;

/// <summary>
/// Runs the language server on a pair of streams until "exit" or the end of the input; returns the process exit code.
/// </summary>
public static class LanguageServerHost
{
    public static Task<int> RunAsync(Stream input, Stream output, TextWriter log,
        CancellationToken cancellationToken = default) =>
        RunAsync(input, output, log, HandlerList.Create(), ServerOptions.Default, cancellationToken);

    /// <summary>The server with given handlers (the tests add some) and options.</summary>
    internal static async Task<int> RunAsync(
        Stream input, Stream output, TextWriter log, IEnumerable<LspHandler> handlers, ServerOptions options,
            CancellationToken cancellationToken)
    {
        var connection = new Connection(output);
        var client = new LspClient(connection, log);
        var workspace = new ServerWorkspace();
        var publisher = new DiagnosticsPublisher(workspace,
            client.PublishDiagnosticsAsync)
        { Delay = options.DiagnosticsDelay };
        var context = new ServerContext(workspace, publisher, client);
        var dispatcher = new Dispatcher(handlers, context, connection, log);
        var reader = PipeReader.Create(input,
            new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var publishing = publisher.RunAsync(stop.Token);
        var reading = Task.Run(() => dispatcher.RunAsync(new FrameReader(reader), stop.Token), CancellationToken.None);
        var exit = context.Lifecycle.Exit.Task;
        var finished = await Task.WhenAny(reading, exit, Task.Delay(Timeout.Infinite, stop.Token))
            .ConfigureAwait(false);
        if (finished == exit)
        {
            await dispatcher.WaitForAnswersAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        else if (reading.IsFaulted)
        {
            log.WriteLine($"[cachespec] The connection ended: {reading.Exception!.GetBaseException().Message}");
        }
        stop.Cancel();
        publisher.Complete();
        try
        {
            await publishing.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception exception)
        {
            // A connection lost in the middle of a publication: the way out is the same, without a stack trace.
            log.WriteLine(
                $"[cachespec] Publishing diagnostics stopped: {exception.GetType().Name}: {exception.Message}");
        }
        // The connection closing without "exit" is an abnormal end, as is the client process dying.
        return finished == exit ? exit.Result : 1;
    }
}
