using System.Globalization;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Format;

/// <summary>
/// Walks a document against the format definition once and collects unknown keys, invalid values and missing required
/// keys. It descends only into keys the format knows, so its depth is the format's, whatever the input's nesting.
/// </summary>
public static class FormatValidator
{
    public const string UnknownKey = "unknown-key";
    public const string InvalidValue = "invalid-value";
    public const string MissingRequired = "missing-required";

    public static IReadOnlyList<FormatIssue> Validate(DocumentSyntax document) =>
        Validate(document, previous: null, AnalysisBudget.Unlimited).Issues;

    /// <summary>
    /// The same, reusing the issues the previous validation (of the text before an edit) found in the top-level list
    /// items that are still the same nodes; returns the memo for the next one.
    /// </summary>
    internal static (IReadOnlyList<FormatIssue> Issues, ItemIssues Memo, LimitFinding? CutShort) Validate(
        DocumentSyntax document, ItemIssues? previous, AnalysisBudget budget)
    {
        var walk = new Walk(budget);
        var issues = new List<FormatIssue>();
        var memo = new ItemIssues();
        var root = document.Root?.Resolved;
        if (root is null or ScalarSyntax { IsNull: true })
        {
            if (!document.IsCutShort)
            {
                ReportEmptySpec(document, issues);
            }
            return (issues, memo, null);
        }
        if (root is MappingSyntax mapping)
        {
            ValidateObject(mapping, SpecFormat.Root, issues, walk, new TopLevelItems(previous, memo));
        }
        else
        {
            issues.Add(new FormatIssue(InvalidValue, root.Span,
                $"A spec must be a mapping with apiVersion, kind, metadata and caches; found {Describe(root)}."));
        }
        return (issues, memo, walk.Stopped);
    }

    /// <summary>
    /// An empty document (an empty file, only comments, or nothing after "---") lacks the root's required keys like any
    /// other.
    /// </summary>
    private static void ReportEmptySpec(DocumentSyntax document, List<FormatIssue> issues)
    {
        foreach (var field in SpecFormat.Root.Fields.Where(field => field.Required))
        {
            issues.Add(new FormatIssue(MissingRequired, new TextSpan(document.Span.Start, 0),
                $"The spec is empty: it has no '{field.Name}', which is required."));
        }
    }

    /// <summary>
    /// Where the items of the root's lists are validated: the previous memo to read and the next one to fill.
    /// </summary>
    private sealed record TopLevelItems(ItemIssues? Previous, ItemIssues Next);

    /// <summary>One validation's budget, and where it stopped when the time limit passed.</summary>
    private sealed class Walk(AnalysisBudget budget)
    {
        public AnalysisBudget Budget { get; } = budget;

        public LimitFinding? Stopped { get; private set; }

        /// <summary>False once the time limit has passed; the first node met then is where the check stopped.</summary>
        public bool Continue(SyntaxNode at)
        {
            if (Stopped is null && !Budget.IsSpent)
            {
                return true;
            }
            Stopped ??= new LimitFinding(new TextSpan(at.Span.Start, 0),
                $"The format check of this document ran longer than {Budget.TimeText}, its time limit: from here " +
                "on, unknown keys, invalid values and missing keys are not reported.");
            return false;
        }
    }

    private static void Validate(SyntaxNode node, TypeDefinition type, string path, List<FormatIssue> issues,
        Walk walk, TopLevelItems? topLevel = null)
    {
        walk.Budget.Count(1);
        // An alias was checked where its anchor stands; following it again could multiply work without bound.
        if (node is AliasSyntax)
        {
            return;
        }
        switch (type)
        {
            case ObjectType objectType when node is MappingSyntax mapping:
                ValidateObject(mapping, objectType, issues, walk);
                break;
            case ListType listType when node is SequenceSyntax sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    if (topLevel is null)
                    {
                        Validate(sequence.Items[i], listType.Item, path, issues, walk);
                    }
                    else
                    {
                        ValidateTopLevelItem(sequence.Items[i], listType.Item, path, issues, walk, topLevel);
                    }
                }
                break;
            case ScalarType scalarType when node is ScalarSyntax scalar:
                ValidateScalar(scalar, scalarType, path, issues);
                break;
            case UnionType union when node is ScalarSyntax scalar:
                ValidateScalar(scalar, union.Scalar, path, issues);
                break;
            case UnionType union when node is MappingSyntax mapping:
                ValidateObject(mapping, union.Object, issues, walk);
                break;
            default:
                issues.Add(new FormatIssue(InvalidValue, node.Span,
                    $"'{path}' must be {type.Expected}; found {Describe(node)}."));
                break;
        }
    }

    private static void ValidateTopLevelItem(SyntaxNode item, TypeDefinition type, string path,
        List<FormatIssue> issues, Walk walk, TopLevelItems topLevel)
    {
        if (!walk.Continue(item))
        {
            return;
        }
        var known = Array.Empty<FormatIssue>();
        var reused = topLevel.Previous is { } previous && previous.TryGet(item, type, out known);
        if (!reused)
        {
            var found = new List<FormatIssue>();
            Validate(item, type, path, found, walk);
            known = found.ToArray();
        }
        // An item the time limit cut short is not remembered: the next check must validate it whole.
        if (walk.Stopped is null)
        {
            topLevel.Next.Add(item, type, known, reused);
        }
        issues.AddRange(known);
    }

    private static void ValidateObject(MappingSyntax mapping, ObjectType type, List<FormatIssue> issues,
        Walk walk, TopLevelItems? topLevel = null)
    {
        var entries = mapping.Entries;
        // The known keys this mapping lacks, found once for every unknown key's "did you mean".
        string[]? absent = null;
        for (var i = 0; i < entries.Count && walk.Continue(entries[i].Key); i++)
        {
            var entry = entries[i];
            var key = entry.KeyText;
            if (key is null)
            {
                issues.Add(new FormatIssue(UnknownKey, entry.Key.Span,
                    $"Keys of {Article(type.Name)} are plain names; found {Describe(entry.Key)}."));
                continue;
            }
            var field = type.Find(key);
            if (field is null)
            {
                absent ??= type.Fields.Select(f => f.Name)
                    .Where(name => mapping.Find(name, walk.Budget.Meter) is null).ToArray();
                var suggestion = Suggestions.Closest(key, absent, walk.Budget.Meter);
                var hint = ForeignKeys.Hint(type, key)
                    ?? (suggestion is null ? $" Known keys: {string.Join(", ", type.Fields.Select(f => f.Name))}."
                        : $" Did you mean '{suggestion}'?");
                issues.Add(new FormatIssue(UnknownKey, entry.Key.Span,
                    $"Unknown key '{key}': {Article(type.Name)} has no such key.{hint}"));
                continue;
            }
            if (entry.Value.Resolved is ScalarSyntax { IsNull: true } empty && field.Type is not ScalarType)
            {
                if (empty.IsCutShort)
                {
                    continue;
                }
                // YAML reads "subnets:" with nothing after it as null, which the JSON Schema rejects too.
                issues.Add(new FormatIssue(InvalidValue, entry.Key.Span,
                    $"'{key}' must be {field.Type.Expected}; it is empty." +
                    (field.Type is ListType ? " Write [] for an empty list." : string.Empty)));
                continue;
            }
            Validate(entry.Value, field.Type, key, issues, walk, topLevel);
        }
        if (type.Forms.Count > 0 && !mapping.IsCutShort)
        {
            ValidateForms(mapping, type, issues, walk.Budget.Meter);
        }
        var fields = type.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            // What a mapping cut short by a syntax error lacks may well be written after the error.
            if (field.Required && !mapping.IsCutShort && mapping.Find(field.Name, walk.Budget.Meter) is null)
            {
                issues.Add(new FormatIssue(MissingRequired, MissingSpan(mapping),
                    $"The {type.Name} has no '{field.Name}', which is required."));
            }
        }
    }

    /// <summary>
    /// An object with several forms holds every key of exactly one: keys of two forms are an invalid value (on the
    /// first key of the second form), keys of none are missing (the keys of the first form named), a form begun but
    /// not completed lacks its other keys.
    /// </summary>
    private static void ValidateForms(MappingSyntax mapping, ObjectType type, List<FormatIssue> issues,
        WorkMeter? meter)
    {
        var present = type.Forms
            .Select(form => form.Where(key => mapping.Find(key, meter) is not null).ToArray())
            .ToArray();
        var used = Enumerable.Range(0, type.Forms.Count).Where(i => present[i].Length > 0).ToArray();
        string Describe(IReadOnlyList<string> form) => string.Join(" and ", form.Select(key => $"'{key}'"));
        if (used.Length > 1)
        {
            var second = used[1];
            issues.Add(new FormatIssue(InvalidValue, mapping.Find(present[second][0], meter)!.Key.Span,
                $"{Capitalized(Article(type.Name))} has either {Describe(type.Forms[used[0]])} or " +
                $"{Describe(type.Forms[second])}, not both."));
            return;
        }
        if (used.Length == 0)
        {
            issues.Add(new FormatIssue(MissingRequired, MissingSpan(mapping),
                $"The {type.Name} has neither " +
                string.Join(" nor ", type.Forms.Select(Describe)) + $"; it needs one of these forms."));
            return;
        }
        var form = type.Forms[used[0]];
        foreach (var key in form.Where(key => !present[used[0]].Contains(key)))
        {
            issues.Add(new FormatIssue(MissingRequired, MissingSpan(mapping),
                $"The {type.Name} has no '{key}', which is required with {Describe(present[used[0]])}."));
        }
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>
    /// A missing key is reported on the mapping's first key, a small range that still names the object.
    /// </summary>
    private static TextSpan MissingSpan(MappingSyntax mapping) =>
        mapping.Entries.Count > 0 ? mapping.Entries[0].Key.Span
            : new TextSpan(mapping.Span.Start, Math.Min(1, mapping.Span.Length));

    private static void ValidateScalar(ScalarSyntax scalar, ScalarType type, string key, List<FormatIssue> issues)
    {
        if (scalar.IsNull)
        {
            if (scalar.IsCutShort)
            {
                return;
            }
            issues.Add(new FormatIssue(InvalidValue,
                scalar.Span.Length > 0 ? scalar.Span : new TextSpan(scalar.Span.Start, 0),
                $"'{key}' has no value; it must be {type.Expected}."));
            return;
        }
        if (type.CheckedByRule is not null)
        {
            return;
        }
        var problem = ContentProblem(scalar, type, key);
        if (problem is null && NonStringReading(scalar, type) is { } reading)
        {
            // Other YAML tools (and the JSON Schema) read this as a number or boolean, not the string the format wants.
            problem = $"'{key}' must be a string, but YAML reads {scalar.Value} as {reading}; quote it: " +
                $"\"{scalar.Value}\".";
        }
        if (problem is not null)
        {
            issues.Add(new FormatIssue(InvalidValue, scalar.Span, problem));
        }
    }

    /// <summary>
    /// What YAML reads a plain value as ("an integer", "a boolean"...) when the format wants a string there and the
    /// value, quoted, would be accepted; null when quoting is not the remedy.
    /// </summary>
    internal static string? QuotingWanted(ScalarSyntax scalar, ScalarType type) =>
        !scalar.IsNull && type.CheckedByRule is null && ContentProblem(scalar, type, string.Empty) is null
            ? NonStringReading(scalar, type) : null;

    private static string? NonStringReading(ScalarSyntax scalar, ScalarType type) =>
        type.Kind is not (ValueKind.Integer or ValueKind.Boolean or ValueKind.Port) && scalar.IsPlain
            ? YamlCoreSchema.ReadsAsNonString(scalar.Value)
            : null;

    /// <summary>
    /// What is wrong with a value's text for its type, whatever YAML reads it as; null when the text is acceptable.
    /// </summary>
    private static string? ContentProblem(ScalarSyntax scalar, ScalarType type, string key)
    {
        var value = scalar.Value;
        var problem = type.Kind switch
        {
            ValueKind.Integer => CheckInteger(scalar, type),
            ValueKind.Boolean => scalar.IsPlain && value is "true" or "false" or "True" or "False" or "TRUE" or "FALSE"
                ? null
                : $"'{key}' must be true or false; found '{value}'.",
            ValueKind.Enum => type.EnumValues.Contains(value)
                ? null
                : $"'{value}' is not a valid {key}. Expected {string.Join(", ", type.EnumValues)}."
                    + DidYouMean(value, type.EnumValues),
            ValueKind.IpAddress => Ipv4Address.TryParse(value, out _) ? null : $"'{value}' is not an IPv4 address.",
            ValueKind.Port =>
                PortRange.TryParse(value, out _) ? null
                : $"'{value}' is not a port, a range \"a-b\" of ports (0-65535) or \"*\".",
            ValueKind.AddressSelector => CheckAddressSelector(value, key),
            ValueKind.ClientSource => CheckClientSource(value, key),
            ValueKind.FirewallSource => CheckFirewallSource(value, key),
            ValueKind.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out _)
                ? null : $"'{value}' is not a date written yyyy-MM-dd (such as 2029-12-31).",
            _ => null,
        };
        if (problem is null && type.PatternRegex is { } pattern && !pattern.IsMatch(value))
        {
            problem = $"'{value}' is not {type.Expected}"
                + (type.Kind == ValueKind.String ? $" matching {type.Pattern}." : ".");
        }
        return problem;
    }

    private static string? CheckInteger(ScalarSyntax scalar, ScalarType type)
    {
        if (!scalar.IsPlain
            || !long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture,
                out var number))
        {
            return $"Expected an integer; found '{scalar.Value}'.";
        }
        if (number < type.Minimum || number > type.Maximum)
        {
            return $"{number} is out of range; the value must be between {type.Minimum} and {type.Maximum}.";
        }
        return null;
    }

    private static string? CheckAddressSelector(string value, string key)
    {
        if (value == "*" || SpecFormat.ServiceTags.Contains(value) || Ipv4Address.TryParse(value, out _))
        {
            return null;
        }
        if (AddressText.LooksLikePrefix(value))
        {
            return null; // a prefix: invalid-cidr checks it
        }
        if (value.Contains('/'))
        {
            return null; // a subnet reference: unresolved-reference checks it
        }
        return $"'{value}' is not a valid {key}: use a CIDR, an IPv4 address, a subnet reference \"network/subnet\", " +
            "\"*\" or a service tag." +
            DidYouMean(value, SpecFormat.ServiceTags);
    }

    /// <summary>
    /// A client's "from": an IPv4 address or CIDR (a public path), a subnet reference or a network name (both
    /// checked by unresolved-reference).
    /// </summary>
    private static string? CheckClientSource(string value, string key)
    {
        if (Ipv4Address.TryParse(value, out _))
        {
            return null;
        }
        if (AddressText.LooksLikePrefix(value))
        {
            return Cidr.TryParse(value, out _) ? null : $"'{value}' is not a valid IPv4 CIDR for '{key}'.";
        }
        var pattern = value.Contains('/') ? FormatPatterns.For(SpecFormat.SubnetReferencePattern)
            : FormatPatterns.For(SpecFormat.NamePattern);
        return pattern.IsMatch(value) ? null : $"'{value}' is not a valid {key}: use a subnet reference " +
            "\"network/subnet\", a network name, or an IPv4 CIDR or address.";
    }

    /// <summary>An Azure Managed Redis firewall rule's source: an IPv4 address, a CIDR or a service tag.</summary>
    private static string? CheckFirewallSource(string value, string key)
    {
        if (SpecFormat.ServiceTags.Contains(value) || Ipv4Address.TryParse(value, out _) || Cidr.TryParse(value, out _))
        {
            return null;
        }
        return $"'{value}' is not a valid {key}: use an IPv4 address, a CIDR or a service tag." +
            DidYouMean(value, SpecFormat.ServiceTags);
    }

    private static string DidYouMean(string value, IEnumerable<string> candidates) =>
        Suggestions.Closest(value, candidates) is { } suggestion ? $" Did you mean '{suggestion}'?" : string.Empty;

    private static string Describe(SyntaxNode node) => node.Resolved switch
    {
        ScalarSyntax { IsNull: true } => "nothing",
        ScalarSyntax scalar => $"the scalar '{Shorten(scalar.Value)}'",
        SequenceSyntax => "a list",
        MappingSyntax => "a mapping",
        _ => "something else",
    };

    private static string Article(string noun) =>
        ("aeiou".Contains(char.ToLowerInvariant(noun[0])) ? "an " : "a ") + noun;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
