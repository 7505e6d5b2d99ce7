using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;
using CacheSpec.Server.Lsp.Protocol;
using CacheSpec.Tests.Lsp;
using CsCheck;
using Newtonsoft.Json.Linq;

namespace CacheSpec.Tests.Consistency;

/// <summary>
/// Random editing sessions over the protocol, in process: didOpen, then didChange notifications with ranged,
/// multi-change and full changes (some sent twice with a stale version, which the server must ignore). The server
/// cannot be asked for its text, so what it answers stands for it: the pushed and pulled diagnostics, the outline, the
/// folding, the inlay hints and hovers of every edited document must equal those of a second server that opened the
/// client's final text fresh. Closing the documents must then publish an empty list for each, as they leave the
/// workspace. The same sessions at the ServerWorkspace level, with the text itself compared, are in <see
/// cref="WorkspaceConsistencyTests"/>.
/// </summary>
public class ProtocolConsistencyTests
{
    private static readonly Gen<EditSequence> Sessions = EditGenerators.Sequence(EditSeeds.Small, maxDocuments: 2,
        maxNotifications: 5, resends: true);

    [Fact]
    public async Task Edited_documents_answer_like_a_fresh_open_of_the_clients_text()
    {
        await using var edited = new InProcessServer();
        await using var fresh = new InProcessServer();
        await edited.InitializeAsync();
        await fresh.InitializeAsync();
        var session = 0;
        await Sessions.SampleAsync(async sequence => await ReplayAsync(edited, fresh, sequence, ++session), iter: 1_000,
            threads: 1);
    }

    private static async Task ReplayAsync(InProcessServer edited, InProcessServer fresh, EditSequence session,
        int number)
    {
        var documents = session.Seeds
            .Select((seed, index) =>
                new ClientDocument($"file:///consistency/session{number}/doc{index}.cachespec.yaml", EditSeeds.All[seed]
                .Text))
            .ToArray();
        var story = new Story(session);
        try
        {
            var versions = await EditAsync(edited, documents, session, story);
            await CompareAsync(edited, fresh, documents, versions, story);
        }
        finally
        {
            // Even after a failure, so that no document of this session is left open to disturb the next (or a shrunk
            // replay).
            foreach (var document in documents)
            {
                await fresh.NotifyAsync("textDocument/didClose", Document(document.Uri));
                await edited.NotifyAsync("textDocument/didClose", Document(document.Uri));
            }
        }
        foreach (var document in documents)
        {
            // A closed document outside any workspace folder leaves the model: its diagnostics are cleared, without a
            // version.
            await edited.WaitForDiagnosticsAsync(document.Uri, published =>
                published["version"] is null or { Type: JTokenType.Null } && !((JArray)published["diagnostics"]!)
                .Any());
        }
    }

    /// <summary>Opens the documents and sends the session's notifications; returns each document's last
    /// version.</summary>
    private static async Task<int[]> EditAsync(InProcessServer edited, ClientDocument[] documents, EditSequence session,
        Story story)
    {
        var versions = new int[documents.Length];
        foreach (var document in documents)
        {
            await edited.OpenAsync(document.Uri, document.Text, version: 1);
        }
        Array.Fill(versions, 1);
        foreach (var notification in session.Notifications)
        {
            var target = notification.Target % documents.Length;
            var document = documents[target];
            var before = document.History.Count;
            var changes = notification.Edits.SelectMany(edit => EditResolver.Play(document, edit)).ToArray();
            story.Add(target, changes);
            // Versions only have to grow; a gap of two now and then is allowed too.
            versions[target] += 1 + changes.Length % 2;
            var message = DidChange(document.Uri, versions[target], changes);
            await edited.NotifyAsync("textDocument/didChange", message);
            if (notification.Resend)
            {
                story.Note($"doc {target}: the same notification again, with the same version {versions[target]}");
                await edited.NotifyAsync("textDocument/didChange", message);
            }
            if (session.Gentle && SyntaxTree.Parse(new SourceText(document.Text)).Errors.Count > 0)
            {
                // A gentle session repairs what an edit broke at once, so that most edits land on valid YAML, where
                // re-parsing a part applies.
                var undo = document.RevertTo(before);
                story.Note($"doc {target}: undone, as it broke the YAML");
                story.Add(target, undo);
                await edited.NotifyAsync("textDocument/didChange", DidChange(document.Uri, ++versions[target], undo));
            }
        }
        return versions;
    }

    private static async Task CompareAsync(InProcessServer edited, InProcessServer fresh, ClientDocument[] documents,
        int[] versions, Story story)
    {
        foreach (var document in documents)
        {
            await fresh.OpenAsync(document.Uri, document.Text, version: 1);
        }
        for (var index = 0; index < documents.Length; index++)
        {
            var uri = documents[index].Uri;
            var expected = await fresh.RequestAsync("textDocument/diagnostic", Document(uri));
            var pulled = await edited.RequestAsync("textDocument/diagnostic", Document(uri));
            Expect(story, $"pulled diagnostics of doc {index}", expected["items"], pulled["items"]);
            Expect(story, $"pushed diagnostics of doc {index}", expected["items"], await PushedAsync(edited, uri,
                versions[index], expected["items"]));
            foreach (var (method, parameters) in Requests(documents[index]))
            {
                Expect(story, $"{method} of doc {index}", await fresh.RequestAsync(method, parameters),
                    await edited.RequestAsync(method, parameters));
            }
        }
    }

    /// <summary>
    /// The diagnostics last pushed for a document, once they carry its final version and equal what is expected
    /// (pushing is asynchronous: a document that was not edited is re-published only when another's edit changes its
    /// findings).
    /// </summary>
    private static async Task<JToken?> PushedAsync(InProcessServer server, string uri, int version, JToken? expected)
    {
        try
        {
            var published = await server.WaitForDiagnosticsAsync(uri, p => (int?)p["version"] == version
                && JToken.DeepEquals(p["diagnostics"], expected), timeoutMs: 10_000);
            return published["diagnostics"];
        }
        catch (TimeoutException)
        {
            var last = await server.WaitForDiagnosticsAsync(uri);
            return new JObject(new JProperty("version", last["version"]), new JProperty("diagnostics",
                last["diagnostics"]));
        }
    }

    /// <summary>The requests whose answers depend on the document's text, positioned in the client's final
    /// text.</summary>
    private static IEnumerable<(string Method, object Parameters)> Requests(ClientDocument document)
    {
        var uri = document.Uri;
        var lines = document.LineStarts().Count;
        yield return ("textDocument/documentSymbol", Document(uri));
        yield return ("textDocument/foldingRange", Document(uri));
        yield return ("textDocument/inlayHint", new
        {
            textDocument = new { uri },
            range = new
            {
                start = new
                {
                    line = 0,
                    character = 0
                },
                end = new { line = lines, character = 0 }
            }
        });
        foreach (var line in new[] { lines / 3, lines * 2 / 3 })
        {
            var start = document.LineStarts()[line];
            var indentation = document.Text[start..document.ContentEnd(line)].TakeWhile(c => c is ' ' or '-').Count();
            var position = document.PositionOf(document.Snap(Math.Min(document.ContentEnd(line), start + indentation
                + 2)));
            yield return ("textDocument/hover", new
            {
                textDocument = new { uri },
                position = new
                {
                    line = position.Line,
                    character = position.Character
                }
            });
        }
    }

    private static object Document(string uri) => new { textDocument = new { uri } };

    private static JObject DidChange(string uri, int version, IEnumerable<TextDocumentContentChangeEvent> changes) =>
        new(
        new JProperty("textDocument", new JObject(new JProperty("uri", uri), new JProperty("version", version))),
        new JProperty("contentChanges", new JArray(changes.Select(change => change.Range is { } range
            ? new JObject(new JProperty("range", new JObject(new JProperty("start", Position(range.Start)),
                new JProperty("end", Position(range.End)))), new JProperty("text", change.Text))
            : new JObject(new JProperty("text", change.Text))))));

    private static JObject Position(Position position) => new(new JProperty("line", position.Line),
        new JProperty("character", position.Character));

    /// <summary>Compares two answers as JSON; only a difference is written out, indented, for the story.</summary>
    private static void Expect(Story story, string what, JToken? expected, JToken? actual)
    {
        if (!JToken.DeepEquals(expected, actual))
        {
            story.Expect(what, Json(expected), Json(actual));
        }
    }

    private static string Json(JToken? token) => token?.ToString(Newtonsoft.Json.Formatting.Indented) ?? "(nothing)";
}
