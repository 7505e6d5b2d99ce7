namespace CacheSpec.Server.Lsp;

/// <summary>How the server is started, before any client speaks; initializationOptions may override each.</summary>
/// <param name="DiagnosticsDelay">A wait for more keystrokes before diagnostics are analysed and published (none by
/// default).</param>
public sealed record ServerOptions(TimeSpan DiagnosticsDelay)
{
    public static ServerOptions Default { get; } = new(TimeSpan.Zero);

    /// <summary>
    /// CACHESPEC_DIAGNOSTICS_DELAY_MS, for measuring an editor that debounces without changing the editor.
    /// </summary>
    public static ServerOptions FromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable("CACHESPEC_DIAGNOSTICS_DELAY_MS"), out var milliseconds)
            && milliseconds >= 0
            ? new ServerOptions(TimeSpan.FromMilliseconds(milliseconds))
            : Default;
}
