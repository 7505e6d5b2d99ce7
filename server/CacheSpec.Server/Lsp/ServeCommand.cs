using CacheSpec.Server.Lsp.Handlers;
using CacheSpec.Server.Lsp.JsonRpc;

namespace CacheSpec.Server.Lsp;

/// <summary>"cachespec serve [--stdio]": the language server on standard input and output.</summary>
public static class ServeCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stderr)
    {
        var unknown = args.FirstOrDefault(arg => arg is not ("--stdio"));
        if (unknown is not null)
        {
            return CommandLine.Fail(stderr, $"serve takes only --stdio (got '{unknown}')");
        }
        // Only protocol bytes may reach stdout: anything written to Console.Out goes to stderr from here on.
        var stdout = new SynchronousStream(Console.OpenStandardOutput());
        var stdin = new SynchronousStream(Console.OpenStandardInput());
        Console.SetOut(stderr);
        // Reading standard input blocks a pool thread for the whole session, and the pool starts with one thread per
        // core: without one more, the parallel work (the workspace load, large analyses) would find no thread free
        // for its second core until the pool grows, which it does only after half a second of starvation.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(workers + 1, completionPorts);
        return LanguageServerHost.RunAsync(stdin, stdout, stderr, HandlerList.Create(), ServerOptions.FromEnvironment(),
            CancellationToken.None)
            .GetAwaiter().GetResult();
    }
}
