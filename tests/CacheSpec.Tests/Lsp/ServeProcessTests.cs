using System.Diagnostics;
using System.Text;

namespace CacheSpec.Tests.Lsp;

/// <summary>
/// The real "cachespec serve" process: stdout carries only protocol frames, and the server leaves when its client does.
/// </summary>
public class ServeProcessTests
{
    private static Process StartServer()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cachespec.dll"));
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--stdio");
        return Process.Start(start)!;
    }

    private static void Send(Process server, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        server.StandardInput.BaseStream.Write(header);
        server.StandardInput.BaseStream.Write(body);
        server.StandardInput.BaseStream.Flush();
    }

    [Fact]
    public void The_server_exits_when_its_client_process_dies()
    {
        using var client = Process.Start(new ProcessStartInfo("sleep", "1"))!;
        using var server = StartServer();
        Send(server,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
            + $"\"params\":{{\"processId\":{client.Id},\"capabilities\":{{}}}}}}");
        Assert.True(server.WaitForExit(20_000), "the server outlived its client by more than 20 seconds");
        Assert.Equal(1, server.ExitCode);
    }

    [Fact]
    public void Stdout_holds_only_content_length_frames()
    {
        using var server = StartServer();
        Send(server, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
        Send(server, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
        Send(server, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
        Send(server, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
        var output = server.StandardOutput.ReadToEnd();
        Assert.True(server.WaitForExit(20_000));
        Assert.Equal(0, server.ExitCode);
        var rest = output;
        var frames = 0;
        while (rest.Length > 0)
        {
            Assert.StartsWith("Content-Length: ", rest);
            var headerEnd = rest.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var length = int.Parse(rest["Content-Length: ".Length..headerEnd]);
            var body = rest.Substring(headerEnd + 4, length);
            Assert.StartsWith("{", body);
            rest = rest[(headerEnd + 4 + length)..];
            frames++;
        }
        Assert.True(frames >= 2);
    }
}
