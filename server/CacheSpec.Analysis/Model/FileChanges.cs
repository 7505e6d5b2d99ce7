namespace CacheSpec.Analysis.Model;

/// <summary>The files that differ between two workspaces, each given as a list of files sorted by path.</summary>
internal static class FileChanges
{
    /// <summary>
    /// Each file that was added (before null), removed (after null) or replaced (both), in path order; null when a
    /// path appears twice in either list (its files cannot be told apart by path).
    /// </summary>
    public static List<(SpecFile? Before, SpecFile? After)>? Between(IReadOnlyList<SpecFile> before,
        IReadOnlyList<SpecFile> after)
    {
        var changes = new List<(SpecFile?, SpecFile?)>();
        int i = 0, j = 0;
        while (i < before.Count || j < after.Count)
        {
            if ((i > 0 && i < before.Count && before[i].Path == before[i - 1].Path)
                || (j > 0 && j < after.Count && after[j].Path == after[j - 1].Path))
            {
                return null;
            }
            // Most files are the very same object in both lists: no need to compare their paths.
            var order = i == before.Count ? 1 : j == after.Count ? -1
                : before[i] == after[j] ? 0 : string.CompareOrdinal(before[i].Path, after[j].Path);
            if (order < 0)
            {
                changes.Add((before[i++], null));
            }
            else if (order > 0)
            {
                changes.Add((null, after[j++]));
            }
            else
            {
                if (before[i] != after[j])
                {
                    changes.Add((before[i], after[j]));
                }
                i++;
                j++;
            }
        }
        return changes;
    }
}
