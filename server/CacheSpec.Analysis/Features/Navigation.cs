using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Features;

/// <summary>Go to definition, find references, document highlight and rename over the symbol index.</summary>
public static class Navigation
{
    public static IReadOnlyList<Occurrence> Definition(SymbolIndex index, SpecFile file, int offset) =>
        index.At(file, offset) is { } occurrence ? index.Declarations(occurrence.Key).ToArray()
            : Array.Empty<Occurrence>();

    public static IReadOnlyList<Occurrence> References(SymbolIndex index, SpecFile file, int offset,
        bool includeDeclaration) =>
        index.At(file, offset) is { } occurrence
            ? index.OccurrencesOf(occurrence.Key).Where(found => includeDeclaration || !found.IsDeclaration).ToArray()
            : Array.Empty<Occurrence>();

    public static IReadOnlyList<Occurrence> Highlights(SymbolIndex index, SpecFile file, int offset) =>
        index.At(file, offset) is { } occurrence
            ? index.OccurrencesOf(occurrence.Key).Where(found => found.File == file).ToArray()
            : Array.Empty<Occurrence>();

    /// <summary>The span a rename would edit at the offset, or null when nothing renameable is there.</summary>
    public static TextSpan? PrepareRename(SymbolIndex index, SpecFile file, int offset) =>
        index.At(file, offset) is { } occurrence ? occurrence.Span : null;

    /// <summary>
    /// Renames the thing at the offset everywhere: its declaration and every reference in every file. Refused when the
    /// name is not a valid name or already names another thing of the same kind (for a subnet: within the same
    /// network).
    /// </summary>
    public static RenameResult Rename(SymbolIndex index, SpecFile file, int offset, string newName)
    {
        if (index.At(file, offset) is not { } occurrence)
        {
            return RenameResult.Refused("There is no network, subnet, NSG, cache or private endpoint name here.");
        }
        if (!SpecFormat.Name.PatternRegex!.IsMatch(newName))
        {
            return RenameResult.Refused(
                $"'{newName}' is not a valid name: use letters, digits, '.', '_' and '-', starting with a letter or " +
                "digit.");
        }
        var (kind, newFullName) = occurrence.Kind == NamedKind.Subnet
            ? (NamedKind.Subnet, occurrence.Name[..(occurrence.Name.IndexOf('/') + 1)] + newName)
            : (occurrence.Kind, newName);
        if (index.Declarations(SymbolIndex.KeyOf(kind, newFullName)).Any())
        {
            return RenameResult.Refused($"The name '{newFullName}' is already taken by another {Describe(kind)}.");
        }
        // A network's subnets are keyed "network/subnet", but their declarations hold only the subnet's own name: the
        // edits above, on the network's declaration and the first part of each reference, are all a network rename
        // needs.
        var edits = index.OccurrencesOf(occurrence.Key).Select(found => new RenameEdit(found.File, found.Span, newName))
            .Distinct().ToArray();
        return new RenameResult(edits, null);
    }

    private static string Describe(NamedKind kind) => kind switch
    {
        NamedKind.Network => "network",
        NamedKind.Subnet => "subnet of this network",
        NamedKind.SecurityGroup => "network security group",
        NamedKind.Cache => "cache",
        _ => "private endpoint",
    };
}
