using System.Text.Json;
using CacheSpec.Server.Lsp;
using CacheSpec.Server.Lsp.Handlers;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace CacheSpec.Tests.Lsp;

/// <summary>
/// A handler that throws must cost its own request only: it is answered InternalError and logged, and the server goes
/// on.
/// </summary>
public class HandlerFailureTests
{
    private sealed class FailingHandler() : LspHandler("test/fail")
    {
        public override Task<ResultWriter?> HandleAsync(JsonElement parameters, ServerContext context,
            CancellationToken cancellationToken) =>
            parameters.TryGetProperty("later", out _) ? FailLaterAsync()
                : throw new InvalidOperationException("the handler failed");

        private static async Task<ResultWriter?> FailLaterAsync()
        {
            await Task.Yield();
            throw new KeyNotFoundException("the handler failed after an await");
        }
    }

    [Fact]
    public async Task A_handler_that_throws_answers_internal_error_and_the_server_keeps_serving()
    {
        await using var server = new InProcessServer(new FailingHandler());
        await server.RequestAsync("initialize", new { capabilities = new { } });

        foreach (var parameters in new object[] { new { now = true }, new { later = true } })
        {
            var error = await Assert.ThrowsAsync<RemoteInvocationException>(() =>
                server.RequestAsync("test/fail", parameters));
            Assert.Equal(LspErrorCodes.InternalError, error.ErrorCode);
            Assert.Contains("test/fail", error.Message);
        }

        var symbols = await server.RequestAsync("workspace/symbol", new { query = "" });
        Assert.Equal(JTokenType.Array, symbols.Type);
        // The log line and the error answer are separate messages: the log may arrive second.
        await server.WaitForLogAsync(
            message => message.Contains("the handler failed after an await", StringComparison.Ordinal));
        await server.RequestAsync("shutdown", new { });
        await server.NotifyAsync("exit", new { });
        Assert.Equal(0, await server.ServerExit.WaitAsync(TimeSpan.FromSeconds(15)));
    }
}
