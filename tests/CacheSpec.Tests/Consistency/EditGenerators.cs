using CsCheck;

namespace CacheSpec.Tests.Consistency;

/// <summary>CsCheck generators of editing sessions, shared by the workspace-level and the protocol-level consistency tests.</summary>
internal static class EditGenerators
{
    private static readonly Gen<EditKind> Kind = Gen.Frequency(
        (4, EditKind.InsertFragment), (3, EditKind.DeleteSpan), (3, EditKind.ReplaceSpan), (4, EditKind.ReplaceValue), (2, EditKind.DeleteLine),
        (3, EditKind.PressEnter), (2, EditKind.JoinLines), (2, EditKind.Indent), (2, EditKind.Dedent), (3, EditKind.MakeListItem),
        (2, EditKind.UnmakeListItem), (2, EditKind.CommentOut), (2, EditKind.Uncomment), (2, EditKind.InsertDocumentSeparator),
        (2, EditKind.DuplicateLine), (2, EditKind.CopyItem), (2, EditKind.ChangeLineBreak), (3, EditKind.TypeText), (2, EditKind.Backspaces),
        (6, EditKind.Undo), (1, EditKind.ReplaceAll));

    public static readonly Gen<EditRecipe> Recipe =
        from kind in Kind
        from place in Gen.Int[0, 20_000]
        from size in Gen.Int[0, 40]
        from pick in Gen.Int[0, 1_000]
        select new EditRecipe(kind, place, size, pick);

    /// <summary>Mostly one edit per notification, sometimes several (a multi-cursor edit, a paste, a burst of typing).</summary>
    public static Gen<EditNotification> Notification(int documents, bool resends) =>
        from target in Gen.Int[0, documents - 1]
        from edits in Gen.Frequency((6, Recipe.Array[1, 1]), (3, Recipe.Array[2, 4]))
        from resend in resends ? Gen.Frequency((9, false), (1, true)) : Gen.Const(false)
        select new EditNotification(target, edits, resend);

    /// <summary>Sessions on one or two documents (two open documents see each other's names), from any seed spec.</summary>
    public static Gen<EditSequence> Sequence(IReadOnlyList<int> seeds, int maxDocuments, int maxNotifications, bool resends) =>
        from documents in Gen.Int[1, maxDocuments]
        from chosen in Gen.Int[0, seeds.Count - 1].Array[documents, documents]
        from notifications in Notification(documents, resends).Array[1, maxNotifications]
        select new EditSequence(chosen.Select(index => seeds[index]).ToArray(), notifications);
}
