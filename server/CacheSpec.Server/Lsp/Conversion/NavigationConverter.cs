using CacheSpec.Analysis.Features;

namespace CacheSpec.Server.Lsp.Conversion;

/// <summary>Occurrences and edits of the symbol index as LSP locations and workspace edits.</summary>
public static class NavigationConverter
{
    public static Protocol.Location ToLocation(Occurrence occurrence) =>
        new(occurrence.File.Path, LspConverter.ToLsp(occurrence.File.Text, occurrence.Span));

    public static Protocol.WorkspaceEdit ToWorkspaceEdit(IEnumerable<RenameEdit> edits) =>
        new(edits.GroupBy(edit => edit.File)
            .ToDictionary(
                group => group.Key.Path,
                group => group.OrderBy(edit => edit.Span.Start)
                    .Select(edit => new Protocol.TextEdit(LspConverter.ToLsp(edit.File.Text, edit.Span), edit.NewText))
                    .ToArray()));

    public static int SymbolKind(NamedKind kind) => kind switch
    {
        NamedKind.Network => 3,
        NamedKind.Subnet => 23,
        NamedKind.SecurityGroup => 11,
        NamedKind.Cache => 5,
        _ => 24,
    };
}
