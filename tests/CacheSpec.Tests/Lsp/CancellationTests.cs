using System.Text.Json;
using CacheSpec.Server.Lsp;
using CacheSpec.Server.Lsp.Handlers;
using Newtonsoft.Json.Linq;

namespace CacheSpec.Tests.Lsp;

/// <summary>
/// $/cancelRequest reaches the handler of the request it names, which answers RequestCancelled; the connection goes on.
/// </summary>
public class CancellationTests
{
    /// <summary>
    /// Waits until its request is cancelled (or 30 s pass), and says whether it saw the cancellation.
    /// </summary>
    private sealed class WaitingHandler() : LspHandler("test/wait")
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<bool> SawCancellation { get; } = new(
            TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task<ResultWriter?> HandleAsync(JsonElement parameters, ServerContext context,
            CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                SawCancellation.TrySetResult(true);
                throw;
            }
            SawCancellation.TrySetResult(false);
            return writer => writer.WriteStringValue("finished");
        }
    }

    [Fact]
    public async Task A_cancelled_request_is_cancelled_in_its_handler_and_answered_RequestCancelled()
    {
        var waiting = new WaitingHandler();
        await using var server = new InProcessServer(waiting);
        await server.RequestAsync("initialize", new { capabilities = new { } });

        using var cancel = new CancellationTokenSource();
        var request = server.RequestAsync("test/wait", new { }, cancel.Token);
        await waiting.Started.Task.WaitAsync(TimeSpan.FromSeconds(15));
        cancel.Cancel();

        // StreamJsonRpc's client turns the server's RequestCancelled (-32800) answer into OperationCanceledException.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.True(await waiting.SawCancellation.Task.WaitAsync(TimeSpan.FromSeconds(15)),
            "the handler ran to its end: it never saw the cancellation");
        var symbols = await server.RequestAsync("workspace/symbol", new { query = "" });
        Assert.Equal(JTokenType.Array, symbols.Type);
    }
}
