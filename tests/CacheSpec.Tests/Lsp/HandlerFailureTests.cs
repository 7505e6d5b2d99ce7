using System.Text.Json;
using CacheSpec.Server.Lsp;
using CacheSpec.Server.Lsp.Handlers;
using Nerdbank.Streams;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace CacheSpec.Tests.Lsp;

/// <summary>A handler that throws must cost its own request only: StreamJsonRpc alone would end the connection over it.</summary>
public class HandlerFailureTests
{
    private sealed class FailingHandler : LspHandler
    {
        public override string Method => "test/fail";

        public override Task<JsonElement?> HandleAsync(JsonElement parameters, ServerContext context, CancellationToken cancellationToken) =>
            parameters.TryGetProperty("later", out _) ? FailLaterAsync() : throw new InvalidOperationException("the handler failed");

        private static async Task<JsonElement?> FailLaterAsync()
        {
            await Task.Yield();
            throw new KeyNotFoundException("the handler failed after an await");
        }
    }

    [Fact]
    public async Task A_handler_that_throws_answers_internal_error_and_the_server_keeps_serving()
    {
        var (clientStream, serverStream) = FullDuplexStream.CreatePair();
        var handlers = HandlerList.Create().Append(new FailingHandler()).ToArray();
        var server = Task.Run(() => LanguageServerHost.RunAsync(serverStream, serverStream, TextWriter.Null, handlers, CancellationToken.None));
        using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(clientStream, clientStream, new JsonMessageFormatter()));
        var logged = new List<string>();
        rpc.AddLocalRpcMethod("window/logMessage", new Action<JToken>(message => logged.Add((string)message["message"]!)));
        rpc.AddLocalRpcMethod("window/workDoneProgress/create", new Func<JToken, object?>(_ => null));
        rpc.AddLocalRpcMethod("$/progress", new Action<JToken>(_ => { }));
        rpc.StartListening();
        await rpc.InvokeWithParameterObjectAsync<JToken>("initialize", new { capabilities = new { } });

        foreach (var parameters in new object[] { new { now = true }, new { later = true } })
        {
            var error = await Assert.ThrowsAsync<RemoteInvocationException>(() => rpc.InvokeWithParameterObjectAsync<JToken>("test/fail", parameters));
            Assert.Equal(LspErrorCodes.InternalError, error.ErrorCode);
            Assert.Contains("test/fail", error.Message);
        }

        var symbols = await rpc.InvokeWithParameterObjectAsync<JToken>("workspace/symbol", new { query = "" });
        Assert.Equal(JTokenType.Array, symbols.Type);
        Assert.Contains(logged, message => message.Contains("the handler failed after an await", StringComparison.Ordinal));
        await rpc.InvokeWithParameterObjectAsync<JToken>("shutdown");
        await rpc.NotifyAsync("exit");
        Assert.Equal(0, await server.WaitAsync(TimeSpan.FromSeconds(15)));
    }
}
