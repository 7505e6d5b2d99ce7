using CsCheck;

namespace CacheSpec.Tests.Consistency;

/// <summary>
/// CsCheck generators of editing sessions, shared by the workspace-level and the protocol-level consistency tests. Half
/// the sessions are rough (every kind of edit, fragments that break the YAML three times in ten, whole-text changes);
/// the other half are gentle (mostly edits inside list items that keep the YAML readable), since an incremental parser
/// only re-parses part of a valid tree.
/// </summary>
internal static class EditGenerators
{
    private static readonly Gen<EditKind> RoughKind = Gen.Frequency(
        (4, EditKind.InsertFragment), (3, EditKind.DeleteSpan), (3, EditKind.ReplaceSpan), (4, EditKind.ReplaceValue),
            (2, EditKind.DeleteLine),
        (3, EditKind.PressEnter), (2, EditKind.JoinLines), (2, EditKind.Indent), (2, EditKind.Dedent), (3,
            EditKind.MakeListItem),
        (2, EditKind.UnmakeListItem), (2, EditKind.CommentOut), (2, EditKind.Uncomment), (2,
            EditKind.InsertDocumentSeparator),
        (2, EditKind.DuplicateLine), (2, EditKind.CopyItem), (2, EditKind.ChangeLineBreak), (3, EditKind.TypeText), (2,
            EditKind.Backspaces),
        (6, EditKind.Undo), (1, EditKind.ReplaceAll));

    private static readonly Gen<EditKind> GentleKind = Gen.Frequency(
        (3, EditKind.InsertFragment), (1, EditKind.DeleteSpan), (1, EditKind.ReplaceSpan), (6, EditKind.ReplaceValue),
            (3, EditKind.DeleteLine),
        (4, EditKind.PressEnter), (1, EditKind.JoinLines), (1, EditKind.Indent), (1, EditKind.Dedent), (1,
            EditKind.MakeListItem),
        (1, EditKind.UnmakeListItem), (2, EditKind.CommentOut), (2, EditKind.Uncomment), (1,
            EditKind.InsertDocumentSeparator),
        (1, EditKind.DuplicateLine), (3, EditKind.CopyItem), (1, EditKind.ChangeLineBreak), (5, EditKind.TypeText), (2,
            EditKind.Backspaces),
        (4, EditKind.Undo));

    public static readonly Gen<EditRecipe> Recipe = RecipeOf(RoughKind, Gen.Int[0, 1_000]);

    /// <summary>A pick whose last digit is 3 or more chooses a fragment that keeps the YAML readable (see
    /// EditResolver.Fragment).</summary>
    private static readonly Gen<EditRecipe> GentleRecipe = RecipeOf(GentleKind, from tens in Gen.Int[0,
        99]
                                                                                from unit in Gen.Int[3, 9]
                                                                                select tens * 10 + unit);

    private static Gen<EditRecipe> RecipeOf(Gen<EditKind> kinds, Gen<int> picks) =>
        from kind in kinds
        from place in Gen.Int[0, 20_000]
        from size in Gen.Int[0, 40]
        from pick in picks
        select new EditRecipe(kind, place, size, pick);

    /// <summary>Mostly one edit per notification, sometimes several (a multi-cursor edit, a paste, a burst of
    /// typing).</summary>
    public static Gen<EditNotification> Notification(int documents, bool resends, bool gentle)
    {
        var recipe = gentle ? GentleRecipe : Recipe;
        return from target in Gen.Int[0, documents - 1]
               from edits in Gen.Frequency((6, recipe.Array[1, 1]), (3, recipe.Array[2, 4]))
               from resend in resends ? Gen.Frequency((9, false), (1, true)) : Gen.Const(false)
               select new EditNotification(target, edits, resend);
    }

    /// <summary>Sessions on one or two documents (two open documents see each other's names), from any seed
    /// spec.</summary>
    public static Gen<EditSequence> Sequence(IReadOnlyList<int> seeds, int maxDocuments, int maxNotifications,
        bool resends) =>
        from gentle in Gen.Bool
        from documents in Gen.Int[1, maxDocuments]
        from chosen in Gen.Int[0, seeds.Count - 1].Array[documents, documents]
        from notifications in Notification(documents, resends, gentle).Array[1, maxNotifications]
        select new EditSequence(chosen.Select(index => seeds[index]).ToArray(), notifications, gentle);
}
