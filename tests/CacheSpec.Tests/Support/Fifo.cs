using System.Diagnostics;

namespace CacheSpec.Tests.Support;

/// <summary>
/// Named pipes (FIFOs) for the tests of files that are not regular: opening one for reading waits for a writer.
/// </summary>
public static class Fifo
{
    /// <summary>
    /// Makes a FIFO with mkfifo; false where there is none (the test then says why and does not run).
    /// </summary>
    public static bool TryCreate(string path)
    {
        try
        {
            using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { path } })!;
            mkfifo.WaitForExit();
            return mkfifo.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>
    /// Wakes whatever waits to read the FIFO, so a failing test leaves no thread blocked: on Linux, opening a FIFO for
    /// reading and writing does not wait, and counts as the writer the reader waits for.
    /// </summary>
    public static void Release(params string[] paths)
    {
        foreach (var path in paths)
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}
