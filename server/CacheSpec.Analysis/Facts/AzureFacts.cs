using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace CacheSpec.Analysis.Facts;

/// <summary>
/// The facts about Azure that the format, the rules, the fixes and completion read, in one catalog: facts.json,
/// embedded in the engine, every row with its source and date. New tiers, sizes and zones are rows, not code. Immutable
/// once loaded.
/// </summary>
public sealed class AzureFacts
{
    private AzureFacts(IReadOnlyList<TierFact> tiers, IReadOnlyList<ServiceFact> services,
        IReadOnlyList<SizeFact> sizes,
        IReadOnlyList<ServiceTagFact> serviceTags, IReadOnlyList<LimitFact> limits,
        IReadOnlyList<ReservedRangeFact> reservedRanges)
    {
        Limits = limits;
        Tiers = tiers;
        Services = services;
        Sizes = sizes;
        // Asked for every cache of every analysis: looked up, not searched.
        sizesByTier = tiers.ToFrozenDictionary(tier => tier.Name, tier => SizesOfFamily(tier.SizeFamily),
            StringComparer.Ordinal);
        serviceByTier = tiers.ToFrozenDictionary(tier => tier.Name,
            tier => services.First(service => service.Name == tier.Service), StringComparer.Ordinal);
        ServiceTags = serviceTags;
        ReservedRanges = reservedRanges;
    }

    /// <summary>
    /// The profile names of the NSG tables, as a spec writes them (declared before the catalog, which reads them).
    /// </summary>
    public static IReadOnlyList<string> NsgTableProfiles { get; } = ["2020-10", "current"];

    /// <summary>The catalog shipped in the engine.</summary>
    public static AzureFacts Catalog { get; } =
        Load(ReadEmbedded("facts/facts.json"), ReadEmbedded("facts/managed-redis-sizes.json"));

    public IReadOnlyList<TierFact> Tiers { get; }

    public IReadOnlyList<ServiceFact> Services { get; }

    /// <summary>The clouds a spec may name, the global one (the default) first.</summary>
    public IReadOnlyList<CloudFact> Clouds { get; private init; } = [];

    public const string DefaultCloud = "AzureCloud";

    /// <summary>
    /// The private DNS zone of a service's endpoints in a cloud; null when the cloud or the zone is not in the
    /// catalog (nothing to check against).
    /// </summary>
    public string? PrivateDnsZone(ServiceFact service, string cloud) =>
        Clouds.FirstOrDefault(fact => fact.Name == cloud)?.PrivateDnsZones.GetValueOrDefault(service.Name);

    public IReadOnlyList<SizeFact> Sizes { get; }

    public IReadOnlyList<ServiceTagFact> ServiceTags { get; }

    public IReadOnlyList<ReservedRangeFact> ReservedRanges { get; }

    public IReadOnlyList<LimitFact> Limits { get; }

    /// <summary>The limits of one number of the format; a name the catalog lacks is a defect of the engine.</summary>
    public LimitFact Limit(string name) => Limits.Single(limit => limit.Name == name);

    /// <summary>
    /// The flows a VNet-injected cache needs under a guidance profile ("2020-10" or "current"), in the order its
    /// findings list them: nsg-&lt;profile&gt;.json, embedded beside facts.json.
    /// </summary>
    public IReadOnlyList<NsgTableRow> NsgTable(string profile) => nsgTables[profile];

    private readonly FrozenDictionary<string, IReadOnlyList<NsgTableRow>> nsgTables =
        NsgTableProfiles.ToFrozenDictionary(profile => profile,
            profile => LoadNsgTable(ReadEmbedded($"facts/nsg-{profile}.json")), StringComparer.Ordinal);

    /// <summary>The sizes of a size family ("C", "P", "E", "F"), in catalog order.</summary>
    public IReadOnlyList<string> SizesOfFamily(string family) =>
        Sizes.Where(size => size.Family == family).Select(size => size.Name).ToArray();

    /// <summary>The sizes a tier may have; none for a tier the catalog does not know.</summary>
    public IReadOnlyList<string> SizesOfTier(string tier) => sizesByTier.GetValueOrDefault(tier) ?? [];

    /// <summary>
    /// The Private Link facts of a tier's service (those of the first tier's service for a tier the catalog does not
    /// know).
    /// </summary>
    public ServiceFact ServiceOfTier(string tier) =>
        serviceByTier.GetValueOrDefault(tier) ?? serviceByTier[Tiers[0].Name];

    private readonly FrozenDictionary<string, IReadOnlyList<string>> sizesByTier;
    private readonly FrozenDictionary<string, ServiceFact> serviceByTier;

    /// <summary>
    /// Reads a catalog; a malformed one is a defect of the engine itself, so it throws (the tests load the shipped
    /// one). <paramref name="generatedSizes"/>, managed-redis-sizes.json, adds the sizes of the tiers whose family has
    /// no row in the catalog's own sizes table (the Azure Managed Redis tiers), from the sku names it lists
    /// ("Balanced_B5").
    /// </summary>
    internal static AzureFacts Load(string json, string? generatedSizes = null)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var tiers = Rows(root, "tiers",
            row => new TierFact(Text(row, "name"), Text(row, "service"), Text(row, "sizes"),
                row.TryGetProperty("retires", out _) ? Date(row, "retires") : null, Source(row)));
        var sizes = Rows(root, "sizes",
            row => new SizeFact(Text(row, "name"), Text(row, "family"), row.GetProperty("memoryGb").GetDouble(),
                Source(row)));
        return new AzureFacts(
            tiers,
            Rows(root, "services",
                row => new ServiceFact(Text(row, "name"), Text(row, "groupId"), Source(row))),
            generatedSizes is null ? sizes : [.. sizes, .. GeneratedSizes(generatedSizes, tiers, sizes)],
            Rows(root, "serviceTags",
                row => new ServiceTagFact(Text(row, "name"), row.GetProperty("public").GetBoolean(),
                row.GetProperty("azureService").GetBoolean(), Source(row))),
            Rows(root, "limits",
                row => new LimitFact(Text(row, "name"), row.GetProperty("minimum").GetInt64(),
                    row.GetProperty("maximum").GetInt64(), Source(row))),
            Rows(root, "reservedRanges",
                row => new ReservedRangeFact(Text(row, "prefix"), Text(row, "purpose"), Source(row))))
        {
            Clouds = Rows(root, "clouds", row => new CloudFact(Text(row, "name"),
                row.GetProperty("privateDnsZones").EnumerateObject()
                    .ToFrozenDictionary(zone => zone.Name, zone => zone.Value.GetString()!, StringComparer.Ordinal),
                Source(row))
            {
                ZoneSources = row.TryGetProperty("zoneSources", out var zoneSources)
                    ? zoneSources.EnumerateObject().ToFrozenDictionary(zone => zone.Name, zone => Source(zone.Value),
                        StringComparer.Ordinal)
                    : FrozenDictionary<string, FactSource>.Empty,
            }),
        };
    }

    /// <summary>
    /// The sizes of the generated file for the tiers whose family the catalog's sizes table lacks, each in the family
    /// of its tier, sourced and dated as the file.
    /// </summary>
    private static IEnumerable<SizeFact> GeneratedSizes(string json, IReadOnlyList<TierFact> tiers,
        IReadOnlyList<SizeFact> sizes)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var source = Source(root);
        var families = sizes.Select(size => size.Family).ToHashSet(StringComparer.Ordinal);
        foreach (var skuName in root.GetProperty("skuNames").EnumerateArray().Select(name => name.GetString()!))
        {
            var parts = skuName.Split('_', 2);
            if (parts.Length == 2 && tiers.FirstOrDefault(tier => tier.Name == parts[0]) is { } tier
                && !families.Contains(tier.SizeFamily))
            {
                yield return new SizeFact(parts[1], tier.SizeFamily, null, source);
            }
        }
    }

    /// <summary>Reads one profile's NSG table; like <see cref="Load"/>, a malformed one throws.</summary>
    internal static IReadOnlyList<NsgTableRow> LoadNsgTable(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Rows(document.RootElement, "rows",
            row => new NsgTableRow(Text(row, "direction"), Text(row, "protocol"),
                row.GetProperty("ports").EnumerateArray().Select(port => port.GetString()!).ToArray(),
                Text(row, "local"), Text(row, "remote"), Text(row, "purpose"), Source(row)));
    }

    private static T[] Rows<T>(JsonElement root, string table, Func<JsonElement, T> read) =>
        root.GetProperty(table).EnumerateArray().Select(read).ToArray();

    private static string Text(JsonElement row, string name) => row.GetProperty(name).GetString()!;

    private static DateOnly Date(JsonElement row, string name) =>
        DateOnly.ParseExact(Text(row, name), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static FactSource Source(JsonElement row) =>
        new(Text(row, "source"), Date(row, "date"),
            row.TryGetProperty("unconfirmed", out var unconfirmed) && unconfirmed.GetBoolean());

    private static string ReadEmbedded(string name)
    {
        using var stream = typeof(AzureFacts).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
