using System.Reflection;
using CacheSpec.Server.Lsp;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Tests.Architecture;

/// <summary>
/// The executable's floor plan, checked on the compiled assembly: the two hosts (Cli, Lsp) never use each other, and
/// the LSP records are built only at the protocol edge (Lsp/Edge), where engine terms become LSP terms, or by the
/// serializer that reads them.
/// </summary>
public class ServerStructureTests
{
    private const string Root = "CacheSpec.Server";

    private static readonly Assembly Server = typeof(LanguageServerHost).Assembly;

    /// <summary>
    /// Built from what a client sends, wherever a URI is needed; not a record the server answers with.
    /// </summary>
    private static readonly Type[] NotRecords = [typeof(DocumentUri), typeof(DocumentUriConverter)];

    [Fact]
    public void The_command_line_and_the_language_server_do_not_use_each_other()
    {
        var breaches = AssemblyDependencies.Of(Server)
            .Select(edge =>
                (From: AssemblyDependencies.FolderOf(edge.From, Root), To: AssemblyDependencies.FolderOf(edge.To, Root),
                    edge))
            .Where(edge => (edge.From, edge.To) is ("Cli", "Lsp") or ("Lsp", "Cli"))
            .Select(edge => $"{edge.edge.From.FullName} uses {edge.edge.To.FullName}")
            .Distinct()
            .ToArray();
        Assert.Empty(breaches);
    }

    [Fact]
    public void Lsp_records_are_built_only_at_the_protocol_edge()
    {
        var breaches = AssemblyDependencies.Constructions(Server)
            .Where(construction =>
                construction.Constructed.Namespace == typeof(Position).Namespace
                && !NotRecords.Contains(construction.Constructed))
            .Where(construction =>
                construction.From.Namespace is not ("CacheSpec.Server.Lsp.Edge" or "CacheSpec.Server.Lsp.Protocol"))
            .Select(construction => $"{construction.From.FullName} builds {construction.Constructed.Name}")
            .ToArray();
        Assert.Empty(breaches);
    }

    [Fact]
    public void The_checks_see_the_code_they_check()
    {
        // A check that finds no edge at all would pass whatever the code did.
        Assert.Contains(AssemblyDependencies.Constructions(Server), construction =>
            construction.From.Namespace == "CacheSpec.Server.Lsp.Edge" && construction.Constructed == typeof(Hover));
        Assert.Contains(AssemblyDependencies.Of(Server), edge =>
            AssemblyDependencies.FolderOf(edge.From, Root) == "Cli"
                && AssemblyDependencies.FolderOf(edge.To, Root) == "Discovery");
    }
}
