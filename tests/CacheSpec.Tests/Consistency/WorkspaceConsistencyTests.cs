using CacheSpec.Analysis;
using CacheSpec.Analysis.Model;
using CacheSpec.Server.Lsp.Protocol;
using CacheSpec.Server.Lsp.Workspace;
using CsCheck;

namespace CacheSpec.Tests.Consistency;

/// <summary>
/// Incremental edits through <see cref="ServerWorkspace"/>'s public API (Open, Change, Current) must leave exactly the
/// state a fresh open of the client's text gives: the same text after every change (no edit lost or applied twice), the
/// same line index and YAML tree, and at the end of each session the same diagnostics, outline and folding, in every
/// open document. This is the oracle for how ServerWorkspace.Change re-parses (an edit inside a list item re-parses
/// that item alone): gentle sessions undo at once an edit that broke the YAML, so most of their edits land on a valid
/// tree. A failure prints the CsCheck seed, the session and every change sent; replay it with the environment variable
/// CsCheck_Seed set to that seed (dotnet test -e CsCheck_Seed=...).
/// </summary>
public class WorkspaceConsistencyTests
{
    private static readonly Gen<EditSequence> Sessions =
        EditGenerators.Sequence(Enumerable.Range(0, EditSeeds.All.Count).ToArray(), maxDocuments: 2,
            maxNotifications: 12, resends: false);

    [Fact]
    public void Incremental_changes_leave_the_state_of_a_fresh_open()
    {
        Sessions.Sample(Replay, iter: 4_000, threads: 1);
    }

    private static void Replay(EditSequence session)
    {
        var workspace = new ServerWorkspace();
        var documents = session.Seeds
            .Select((seed, index) => new ClientDocument($"file:///consistency/doc{index}.cachespec.yaml",
                EditSeeds.All[seed].Text))
            .ToArray();
        var versions = new int[documents.Length];
        foreach (var document in documents)
        {
            workspace.Open(new DocumentUri(document.Uri), 1, document.Text);
        }
        Array.Fill(versions, 1);
        var story = new Story(session);
        foreach (var notification in session.Notifications)
        {
            var target = notification.Target % documents.Length;
            var document = documents[target];
            var before = document.History.Count;
            var fresh = Send(workspace, documents, versions, target, notification.Edits.SelectMany(edit =>
                EditResolver.Play(document, edit)).ToArray(), story);
            if (session.Gentle && fresh.Syntax.Errors.Count > 0)
            {
                // A gentle session repairs what an edit broke at once, so that most edits land on valid YAML, where
                // re-parsing a part applies.
                story.Note($"doc {target}: undone, as it broke the YAML");
                Send(workspace, documents, versions, target, document.RevertTo(before), story);
            }
        }
        CompareAnalysis(workspace, documents, story);
    }

    /// <summary>Sends one didChange and compares the text of every document, and the line index and tree of the changed
    /// one; returns a fresh parse of it.</summary>
    private static SpecFile Send(ServerWorkspace workspace, ClientDocument[] documents, int[] versions, int target,
        IReadOnlyList<TextDocumentContentChangeEvent> changes, Story story)
    {
        var document = documents[target];
        story.Add(target, changes);
        var snapshot = workspace.Change(new DocumentUri(document.Uri), ++versions[target], changes);
        story.Expect("Change returns the new snapshot", "it did", snapshot is not null && ReferenceEquals(snapshot,
            workspace.Current) ? "it did" : "it did not");
        for (var index = 0; index < documents.Length; index++)
        {
            var state = workspace.Current.Find(new DocumentUri(documents[index].Uri));
            story.Expect($"version of doc {index}", $"{versions[index]}", $"{state?.Version}");
            story.Expect($"text of doc {index}", documents[index].Text, state?.File.Text.Text);
        }
        var fresh = SpecFile.Create(document.Uri, document.Text);
        var edited = workspace.Current.Find(new DocumentUri(document.Uri))!.File;
        story.Expect($"line index of doc {target}", Observed.Lines(fresh.Text), Observed.Lines(edited.Text));
        story.Expect($"syntax tree of doc {target}", Observed.Tree(fresh.Syntax), Observed.Tree(edited.Syntax));
        return fresh;
    }

    /// <summary>At the end of a session: the diagnostics, outline and folding of every document equal a fresh analysis
    /// of the client's texts.</summary>
    private static void CompareAnalysis(ServerWorkspace workspace, ClientDocument[] documents, Story story)
    {
        var freshFiles = documents.Select(document => SpecFile.Create(document.Uri, document.Text)).ToArray();
        var expected = SpecAnalyzer.Analyze(freshFiles);
        var actual = workspace.Current.Engine.Analysis;
        for (var index = 0; index < documents.Length; index++)
        {
            var uri = documents[index].Uri;
            story.Expect($"diagnostics of doc {index}", Observed.Diagnostics(expected.For(uri)),
                Observed.Diagnostics(actual.For(uri)));
            story.Expect($"outline and folding of doc {index}", Observed.Outline(freshFiles[index]),
                Observed.Outline(workspace.Current.Find(new DocumentUri(uri))!.File));
        }
    }
}
