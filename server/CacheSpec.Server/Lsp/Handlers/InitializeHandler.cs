using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.JsonRpc;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>
/// initialize: begins the session the client describes, watches the client's process, and states what the server does.
/// </summary>
public sealed class InitializeHandler() : RequestHandler<InitializeParams, InitializeResult>(
    "initialize", LspJsonContext.Default.InitializeParams, LspJsonContext.Default.InitializeResult)
{
    public override bool AllowedBeforeInitialize => true;

    public override bool InOrder => true;

    protected override InitializeResult Handle(InitializeParams parameters, ServerContext context,
        CancellationToken cancellationToken)
    {
        var capabilities = FromLsp.Capabilities(parameters.Capabilities);
        var session = new Session(capabilities, FromLsp.Folders(parameters), FromLsp.EditorGuidance(parameters),
            parameters.WorkDoneToken);
        if (!context.Begin(session))
        {
            throw new RpcException(LspErrorCodes.InvalidRequest, "initialize may be sent only once.");
        }
        if (FromLsp.DiagnosticsDelay(parameters) is { } delay)
        {
            context.Publisher.Delay = delay;
        }
        // A client that pulls diagnostics gets them for its open documents by pull only; pushing them too would list
        // each finding twice. Closed workspace files are still pushed, since nothing pulls them.
        context.Publisher.PushOpenDocuments = !capabilities.PullsDiagnostics;
        if (parameters.ProcessId is { } processId)
        {
            _ = ParentProcessWatch.RunAsync(processId, context);
        }
        context.Lifecycle.Initialize();
        return ToLsp.Initialized(capabilities);
    }
}
