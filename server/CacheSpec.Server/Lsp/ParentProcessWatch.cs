using System.Diagnostics;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp;

/// <summary>
/// The specification asks a server to exit when the process that started it (initialize's processId) dies.
/// </summary>
internal static class ParentProcessWatch
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(int processId, ServerContext context)
    {
        var exit = context.Lifecycle.Exit;
        while (!exit.Task.IsCompleted)
        {
            await Task.Delay(Interval).ConfigureAwait(false);
            if (!IsAlive(processId))
            {
                context.Client.Log($"The client process {processId} is gone; exiting.", MessageType.Warning);
                exit.TrySetResult(1);
            }
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
