using System.Text;
using CacheSpec.Server.Lsp.JsonRpc;

namespace CacheSpec.Tests.Lsp;

/// <summary>
/// The standard streams as the server uses them: asynchronous calls that complete on the caller's thread, before they
/// return.
/// </summary>
public class SynchronousStreamTests
{
    [Fact]
    public async Task Reads_and_writes_complete_before_the_call_returns_and_pass_the_bytes_through()
    {
        var written = new MemoryStream();
        var output = new SynchronousStream(written);
        var write = output.WriteAsync("Content-Length: 2\r\n\r\n{}"u8.ToArray());
        Assert.True(write.IsCompletedSuccessfully);
        Assert.True(output.FlushAsync().IsCompletedSuccessfully);
        Assert.Equal("Content-Length: 2\r\n\r\n{}", Encoding.ASCII.GetString(written.ToArray()));

        var input = new SynchronousStream(new MemoryStream(written.ToArray()));
        var buffer = new byte[64];
        var read = input.ReadAsync(buffer.AsMemory());
        Assert.True(read.IsCompletedSuccessfully);
        Assert.Equal("Content-Length: 2\r\n\r\n{}", Encoding.ASCII.GetString(buffer, 0, await read));
        Assert.Equal(0, await input.ReadAsync(buffer.AsMemory()));
    }

    [Fact]
    public async Task A_cancelled_call_reads_and_writes_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var inner = new MemoryStream("{}"u8.ToArray());
        var stream = new SynchronousStream(inner);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            stream.ReadAsync(new byte[8].AsMemory(), cancelled.Token).AsTask());
        Assert.Equal(0, inner.Position);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            stream.WriteAsync("x"u8.ToArray(), cancelled.Token).AsTask());
        Assert.Equal(2, inner.Length);
    }
}
