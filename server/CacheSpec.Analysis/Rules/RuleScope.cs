using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules;

/// <summary>
/// What one analysis checks. A full analysis checks every file and item. After an edit, an incremental analysis checks
/// the changed files whole, and in the other files only the items whose findings the edit may change (see
/// <see cref="Incremental.ItemDependencies"/>): rules that read one item or less see the changed files' items, rules
/// that read across items see those and the affected ones. Names are still looked up in the whole model.
/// </summary>
public sealed class RuleScope
{
    private RuleScope(IReadOnlyList<SpecFile> changedFiles, ScopedItems local, ScopedItems crossing,
        IReadOnlyList<SpecFile> findingFiles)
    {
        ChangedFiles = changedFiles;
        Documents = changedFiles.Count == 1 ? changedFiles[0].Documents
            : changedFiles.SelectMany(file => file.Documents).ToArray();
        Local = local;
        Crossing = crossing;
        FindingFiles = findingFiles;
    }

    /// <summary>Every file and item of the model.</summary>
    internal static RuleScope Everything(WorkspaceModel model)
    {
        var items = new ScopedItems(model.Networks, model.NetworkSecurityGroups, model.Caches,
            model.SubnetsWithInjectedCaches.ToArray(), model.PrivateDnsZones);
        return new RuleScope(model.Files, items, items, model.Files);
    }

    /// <summary>
    /// The changed files whole for every rule, and for the rules that read across items the units to check again (the
    /// changed files' networks, NSGs, caches and injected subnets among them). The finding files are those whose
    /// suppressions are applied again.
    /// </summary>
    internal static RuleScope After(WorkspaceModel model, IReadOnlyList<SpecFile> changedFiles,
        IReadOnlyList<object> units, IReadOnlyList<SpecFile> findingFiles)
    {
        var documents = changedFiles.SelectMany(file => file.Documents).ToArray();
        var local = new ScopedItems(documents.SelectMany(document => document.Networks).ToArray(),
            documents.SelectMany(document => document.NetworkSecurityGroups).ToArray(),
            documents.SelectMany(document => document.Caches).ToArray(), [],
            documents.SelectMany(document => document.PrivateDnsZones).ToArray());
        var crossing = new ScopedItems(units.OfType<NetworkModel>().ToArray(), units.OfType<NsgModel>().ToArray(),
            units.OfType<CacheModel>().ToArray(),
            units.OfType<SubnetModel>().Where(subnet => model.CachesInjectedInto(subnet).Count > 0).ToArray(),
            units.OfType<PrivateDnsZoneModel>().ToArray());
        return new RuleScope(changedFiles, local, crossing, findingFiles);
    }

    /// <summary>The files read whole: every rule that reads text or documents checks these.</summary>
    public IReadOnlyList<SpecFile> ChangedFiles { get; }

    /// <summary>The documents of <see cref="ChangedFiles"/>.</summary>
    public IReadOnlyList<SpecDocument> Documents { get; }

    /// <summary>The files whose findings the suppression comments are applied to again.</summary>
    public IReadOnlyList<SpecFile> FindingFiles { get; }

    /// <summary>The items that rules reading one item or less check.</summary>
    internal ScopedItems Local { get; }

    /// <summary>The items that rules reading across items check.</summary>
    internal ScopedItems Crossing { get; }
}
