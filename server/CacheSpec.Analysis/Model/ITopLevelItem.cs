using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

/// <summary>A model read from one item of a top-level list (networks, networkSecurityGroups, caches), which an edit elsewhere leaves alone.</summary>
internal interface ITopLevelItem
{
    MappingSyntax Syntax { get; }
}
