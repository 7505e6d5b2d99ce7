namespace CacheSpec.Tests.Consistency;

/// <summary>What a user does to a spec in an editor; each kind becomes one or more LSP content changes.</summary>
internal enum EditKind
{
    InsertFragment,
    DeleteSpan,
    ReplaceSpan,
    ReplaceValue,
    DeleteLine,
    PressEnter,
    JoinLines,
    Indent,
    Dedent,
    MakeListItem,
    UnmakeListItem,
    CommentOut,
    Uncomment,
    InsertDocumentSeparator,
    DuplicateLine,
    CopyItem,
    ChangeLineBreak,
    TypeText,
    Backspaces,
    Undo,
    ReplaceAll,
}
