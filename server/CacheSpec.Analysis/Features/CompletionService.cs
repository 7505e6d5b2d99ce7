using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Guidance;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules.Structure;

namespace CacheSpec.Analysis.Features;

/// <summary>
/// Completion anywhere in a spec, from the cursor's context (read from indentation, so broken YAML around the cursor
/// does not matter): the keys the format allows there and that are not yet present, the values of enums and booleans,
/// sizes for the chosen tier, references from the whole workspace, and snippets for a whole cache per isolation option.
/// </summary>
public static class CompletionService
{
    public static IReadOnlyList<CompletionCandidate> Complete(SpecFile file, int offset, WorkspaceModel model,
        GuidanceRenderer guidance)
    {
        if (file.Syntax.IsTooLarge)
        {
            // The file is not checked (limit-exceeded); reading its context line by line would cost every keystroke.
            return Array.Empty<CompletionCandidate>();
        }
        var context = CursorContextFinder.Find(file.Text, offset);
        var profile = ProfileAt(file, offset);
        if (!context.IsValue)
        {
            return Keys(context, model, guidance, profile);
        }
        var values = Values(context, file, offset, model, guidance, profile);
        if (context.Key is null && CursorContext.Resolve(context.Path) is UnionType)
        {
            // "- |" where an item may be short or long (a peering): its short form's values and its long form's keys.
            values.AddRange(Keys(context with { IsValue = false }, model, guidance, profile));
        }
        return values;
    }

    private static GuidanceProfile ProfileAt(SpecFile file, int offset) =>
        file.Documents.LastOrDefault(document => document.Syntax.Span.Start <= offset)?.Profile
            ?? (file.Documents is [var first, ..] ? first.Profile : GuidanceProfile.Current);

    private static List<CompletionCandidate> Keys(CursorContext context, WorkspaceModel model,
        GuidanceRenderer guidance, GuidanceProfile profile)
    {
        var items = new List<CompletionCandidate>();
        if (context.Object is not { } type)
        {
            return items;
        }
        foreach (var field in type.Fields.Where(field => !context.SiblingKeys.Contains(field.Name)))
        {
            var (insert, snippet) = KeyInsertion(field, context.Column);
            items.Add(new CompletionCandidate(field.Name, CompletionCategory.Key, Detail(field),
                guidance.KeySummary(type.Name, field.Name, profile),
                insert, snippet, context.ReplaceSpan, (field.Required ? "0" : "1") + field.Name));
        }
        var subnet = model.Subnets.Select(subnet => subnet.QualifiedName).OfType<string>().FirstOrDefault()
            ?? "network/subnet";
        if (type == SpecFormat.Cache && context.SiblingKeys.Count == 0)
        {
            foreach (var template in CacheSnippets.Caches)
            {
                items.Add(new CompletionCandidate(template.Label, CompletionCategory.Snippet, "snippet",
                    guidance.Section(template.GuidanceSection),
                    CacheSnippets.Render(template, context.Column, subnet), true, context.ReplaceSpan,
                        "2" + template.Label));
            }
        }
        if (type == SpecFormat.Root && context.SiblingKeys.Count == 0 && context.Column == 0)
        {
            items.Add(new CompletionCandidate(CacheSnippets.Spec.Label, CompletionCategory.Snippet, "snippet",
                guidance.Section(CacheSnippets.Spec.GuidanceSection),
                CacheSnippets.Render(CacheSnippets.Spec, 0, subnet), true, context.ReplaceSpan, "0 spec"));
        }
        return items;
    }

    private static (string Text, bool IsSnippet) KeyInsertion(FieldDefinition field, int column)
    {
        var inner = new string(' ', column + 2);
        return field.Type switch
        {
            ObjectType => ($"{field.Name}:\n{inner}$0", true),
            ListType { Item: ObjectType } => ($"{field.Name}:\n{inner}- $0", true),
            ListType => ($"{field.Name}: [$0]", true),
            ScalarType { Kind: ValueKind.Enum } scalar when scalar.EnumValues.Count > 1 =>
                ($"{field.Name}: ${{1|{string.Join(",", scalar.EnumValues.Select(Quote))}|}}", true),
            ScalarType { Kind: ValueKind.Enum } scalar => ($"{field.Name}: {Quote(scalar.EnumValues[0])}", false),
            ScalarType { Kind: ValueKind.Boolean } => ($"{field.Name}: ${{1|false,true|}}", true),
            _ => ($"{field.Name}: ", false),
        };
    }

    private static string Detail(FieldDefinition field) =>
        (field.Required ? "required · " : string.Empty) + field.Type switch
        {
            ObjectType => "mapping",
            ListType { Item: ObjectType item } => $"list of {item.Name}",
            ListType { Item: var item } => $"list of {item.Expected}",
            _ => field.Type.Expected,
        };

    private static List<CompletionCandidate> Values(CursorContext context, SpecFile file, int offset,
        WorkspaceModel model, GuidanceRenderer guidance, GuidanceProfile profile)
    {
        var items = new List<CompletionCandidate>();
        var owner = context.Key is null
            ? CursorContext.Resolve(context.Path.Take(context.Path.Count - 2).ToArray()) as ObjectType : context.Object;
        var fieldName = context.Key ?? (context.Path.Count >= 2 ? context.Path[^2] : null);
        if (context.ValueType is not ScalarType scalar || owner is null || fieldName is null)
        {
            return items;
        }
        var keyDocumentation = guidance.KeySummary(owner.Name, fieldName, profile);
        void Add(string value, CompletionCategory category, string? detail, string? documentation, int rank = 1) =>
            items.Add(new CompletionCandidate(value, category, detail, documentation, Quote(value), false,
                context.ReplaceSpan, $"{rank}{items.Count:D4}"));

        switch (scalar.Kind)
        {
            case ValueKind.Enum:
                var values = scalar.EnumValues.AsEnumerable();
                if (owner == SpecFormat.Cache && fieldName == "size" && TierOf(context) is { } tier)
                {
                    values = InvalidSizeForTierRule.SizesFor(tier);
                }
                foreach (var value in values)
                {
                    Add(value, CompletionCategory.Value, $"{owner.Name}.{fieldName}",
                        guidance.ValueSummary(owner.Name, fieldName, value) ?? keyDocumentation);
                }
                break;
            case ValueKind.Boolean:
                Add("false", CompletionCategory.Value, "boolean", keyDocumentation);
                Add("true", CompletionCategory.Value, "boolean", keyDocumentation);
                break;
            case ValueKind.Integer when scalar.Maximum - scalar.Minimum <= 10:
                for (var number = scalar.Minimum!.Value; number <= scalar.Maximum; number++)
                {
                    items.Add(new CompletionCandidate(
                        number.ToString(System.Globalization.CultureInfo.InvariantCulture), CompletionCategory.Value,
                        "integer", keyDocumentation,
                        number.ToString(System.Globalization.CultureInfo.InvariantCulture), false, context.ReplaceSpan,
                            $"1{number:D4}"));
                }
                break;
            case ValueKind.SubnetReference:
                AddSubnets(model, Add, injected: fieldName == "subnet" && owner == SpecFormat.VnetInjection);
                break;
            case ValueKind.NsgReference:
                foreach (var nsg in model.NetworkSecurityGroups.Where(nsg => nsg.Name is not null))
                {
                    Add(nsg.Name!.Value, CompletionCategory.Reference,
                        $"network security group · {nsg.Rules.Count} rule(s)",
                        ReferenceDescriptions.Nsg(nsg.Name.Value, model));
                }
                break;
            case ValueKind.CacheReference:
                foreach (var cache in model.Caches.Where(cache =>
                    cache.Name is not null && cache.Name.Value != CurrentCacheName(file, offset)))
                {
                    Add(cache.Name!.Value, CompletionCategory.Reference,
                        $"cache · {cache.Tier?.Value} {cache.Size?.Value} {DocumentSymbols.Isolation(cache)}",
                        ReferenceDescriptions.Cache(cache.Name.Value, model));
                }
                break;
            case ValueKind.NetworkReference:
                AddNetworks(model, Add);
                break;
            case ValueKind.ClientSource:
                AddSubnets(model, Add, injected: false);
                AddNetworks(model, Add);
                break;
            case ValueKind.FirewallSource:
                foreach (var tag in SpecFormat.ServiceTags)
                {
                    Add(tag, CompletionCategory.Value, "service tag", keyDocumentation, 0);
                }
                break;
            case ValueKind.AddressSelector:
                Add("*", CompletionCategory.Value, "any address", keyDocumentation, 0);
                foreach (var tag in SpecFormat.ServiceTags)
                {
                    Add(tag, CompletionCategory.Value, "service tag", keyDocumentation, 0);
                }
                AddSubnets(model, Add, injected: false);
                break;
        }
        return items;
    }

    /// <summary>The networks of the model (v1.1: peerings, connections, zone links, clients).</summary>
    private static void AddNetworks(WorkspaceModel model, Action<string, CompletionCategory, string?, string?, int> add)
    {
        foreach (var network in model.Networks.Where(network => network.Name is not null))
        {
            var detail = (network.IsOnPremises ? "on-premises network" : "network")
                + (network.AddressSpace.Count > 0
                    ? " · " + string.Join(", ", network.AddressSpace.Select(space => space.Value)) : string.Empty);
            add(network.Name!.Value, CompletionCategory.Reference, detail,
                ReferenceDescriptions.Network(network.Name.Value, model), 2);
        }
    }

    private static void AddSubnets(WorkspaceModel model, Action<string, CompletionCategory, string?, string?, int> add,
        bool injected)
    {
        foreach (var subnet in model.Subnets.Where(subnet => subnet.QualifiedName is not null))
        {
            var detail = subnet.AddressPrefix is { } prefix ? $"{prefix.Value} · {prefix.Value.UsableAddresses} usable"
                : "subnet";
            if (injected)
            {
                var needed = model.CachesInjectedInto(subnet).Sum(cache => cache.RequiredSubnetAddresses);
                detail += needed > 0 ? $" · {needed} taken by injected caches" : string.Empty;
            }
            add(subnet.QualifiedName!, CompletionCategory.Reference, detail,
                ReferenceDescriptions.Subnet(subnet.QualifiedName!, model), 1);
        }
    }

    private static CacheTier? TierOf(CursorContext context) =>
        context.SiblingValues.GetValueOrDefault("tier") is { } text && Enum.TryParse<CacheTier>(text, out var tier)
            && tier.ToString() == text ? tier : null;

    /// <summary>
    /// The name of the cache whose mapping holds the offset, so a cache is not offered as its own geo-replica.
    /// </summary>
    private static string? CurrentCacheName(SpecFile file, int offset) =>
        file.Documents.SelectMany(document => document.Caches)
            .Where(cache => cache.Syntax.Span.Start <= offset)
            .MaxBy(cache => cache.Syntax.Span.Start)?.Name?.Value;

    /// <summary>
    /// Values YAML would read as numbers or booleans are quoted, so they stay strings as the format wants.
    /// </summary>
    private static string Quote(string value) =>
        YamlCoreSchema.ReadsAsNonString(value) is null ? value : $"\"{value}\"";
}
