using System.Text.Json;
using CacheSpec.Analysis.Configuration;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Text;
using CacheSpec.Tests.Rules;
using CacheSpec.Tests.Support;
using Newtonsoft.Json.Linq;

namespace CacheSpec.Tests.Lsp;

/// <summary>
/// "Configure rule" code actions: edit the governing cachespec.json, or create one, and the server's next diagnostics
/// drop the rule.
/// </summary>
public sealed class ConfigureRuleActionTests : IDisposable
{
    private const string Rule = "public-access-unset";
    private readonly string root = Path.Combine(Path.GetTempPath(),
        "cachespec-configure-" + Guid.NewGuid().ToString("N"));

    public ConfigureRuleActionTests() => Directory.CreateDirectory(Path.Combine(root, "specs"));

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static readonly object CreatingClient = new
    {
        workspace = new
        {
            workspaceEdit = new
            {
                documentChanges = true,
                resourceOperations = new[] { "create", "rename", "delete" }
            }
        },
    };

    [Fact]
    public async Task An_existing_cachespec_json_is_edited_and_the_rule_goes_quiet_after_the_reload()
    {
        var configuration = Path.Combine(root, "cachespec.json");
        const string original =
            "{\n  // team settings\n  \"guidance\": \"current\",\n  \"rules\": {\n    \"public-access-unset\": " +
            "\"warning\",\n    \"minimum-tls-version\": \"error\"\n  }\n}\n";
        await File.WriteAllTextAsync(configuration, original);
        await using var server = new InProcessServer();
        await server.InitializeAsync(root);
        var (uri, diagnostic) = await OpenFailingSpecAsync(server);

        var action = await ConfigureActionAsync(server, uri, diagnostic);
        Assert.Equal($"Configure rule '{Rule}' in cachespec.json", (string?)action["title"]);
        Assert.Null(action["isPreferred"]);
        var changes = (JObject)action["edit"]!["changes"]!;
        var configurationUri = new Uri(configuration).AbsoluteUri;
        Assert.Equal(new[] { configurationUri }, changes.Properties().Select(property => property.Name));
        var edited = Apply(original, (JArray)changes[configurationUri]!);
        Assert.Contains("// team settings", edited);
        Assert.Contains("\"minimum-tls-version\": \"error\"", edited);
        Assert.Equal(RuleLevel.Off, RuleCatalog.ParseConfiguration(edited, out var problems).Rules[Rule]);
        Assert.Empty(problems);

        await File.WriteAllTextAsync(configuration, edited);
        await server.NotifyAsync("workspace/didChangeWatchedFiles",
            new { changes = new[] { new { uri = configurationUri, type = 2 } } });
        await server.WaitForDiagnosticsAsync(uri,
            p => ((JArray)p["diagnostics"]!).All(d => (string?)d["code"] != Rule));
    }

    [Fact]
    public async Task Without_a_cachespec_json_one_is_created_beside_the_spec_when_the_client_can_create_files()
    {
        await using var server = new InProcessServer();
        await server.InitializeAsync(root, clientCapabilities: CreatingClient);
        var (uri, diagnostic) = await OpenFailingSpecAsync(server);

        var action = await ConfigureActionAsync(server, uri, diagnostic);
        Assert.Null(action["edit"]!["changes"]);
        var documentChanges = (JArray)action["edit"]!["documentChanges"]!;
        var configuration = Path.Combine(root, "specs", "cachespec.json");
        var configurationUri = new Uri(configuration).AbsoluteUri;
        Assert.Equal("create", (string?)documentChanges[0]!["kind"]);
        Assert.Equal(configurationUri, (string?)documentChanges[0]!["uri"]);
        Assert.Equal(configurationUri, (string?)documentChanges[1]!["textDocument"]!["uri"]);
        Assert.Equal(JTokenType.Null, documentChanges[1]!["textDocument"]!["version"]!.Type);
        var text = Apply("", (JArray)documentChanges[1]!["edits"]!);
        using (var json = JsonDocument.Parse(text))
        {
            Assert.Equal(RuleConfigurationEditor.SchemaUri, json.RootElement.GetProperty("$schema").GetString());
            Assert.Equal("off", json.RootElement.GetProperty("rules").GetProperty(Rule).GetString());
        }

        await File.WriteAllTextAsync(configuration, text);
        await server.NotifyAsync("workspace/didChangeWatchedFiles",
            new { changes = new[] { new { uri = configurationUri, type = 1 } } });
        await server.WaitForDiagnosticsAsync(uri,
            p => ((JArray)p["diagnostics"]!).All(d => (string?)d["code"] != Rule));
    }

    [Fact]
    public async Task Nothing_is_offered_without_file_creation_or_over_a_file_that_is_not_json()
    {
        await using var server = new InProcessServer();
        await server.InitializeAsync(root);
        var (uri, diagnostic) = await OpenFailingSpecAsync(server);
        Assert.Empty(await ConfigureActionsAsync(server, uri, diagnostic));

        await File.WriteAllTextAsync(Path.Combine(root, "cachespec.json"), "{ \"rules\": { ");
        Assert.Empty(await ConfigureActionsAsync(server, uri, diagnostic));
    }

    [Fact]
    public async Task Nothing_is_offered_over_a_cachespec_json_larger_than_the_size_bound()
    {
        await File.WriteAllTextAsync(Path.Combine(root, "cachespec.json"),
            Reliability.ConfigurationBoundTests.Padded(1024 * 1024 + 1));
        await using var server = new InProcessServer();
        await server.InitializeAsync(root, clientCapabilities: CreatingClient);
        var (uri, diagnostic) = await OpenFailingSpecAsync(server);
        Assert.Empty(await ConfigureActionsAsync(server, uri, diagnostic));
    }

    [Theory]
    [InlineData("{}", "{\n  \"rules\": { \"public-access-unset\": \"off\" }\n}")]
    [InlineData("{ \"guidance\": \"2020-10\" }",
        "{ \"rules\": { \"public-access-unset\": \"off\" }, \"guidance\": \"2020-10\" }")]
    [InlineData("{ \"rules\": {} }", "{ \"rules\": { \"public-access-unset\": \"off\" } }")]
    [InlineData("{ \"rules\": { \"public-access-unset\": \"error\" } }",
        "{ \"rules\": { \"public-access-unset\": \"off\" } }")]
    [InlineData("{\n  \"rules\": {\n    \"unknown-key\": \"info\"\n  }\n}",
        "{\n  \"rules\": {\n    \"public-access-unset\": \"off\",\n    \"unknown-key\": \"info\"\n  }\n}")]
    public void The_editor_changes_as_little_as_it_can(string before, string after)
    {
        var edit = RuleConfigurationEditor.SetLevel(before, RuleCatalog.Ids, Rule);
        Assert.NotNull(edit);
        Assert.Equal(after, before[..edit.Value.Span.Start] + edit.Value.NewText + before[edit.Value.Span.End..]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{ \"rules\": ")]
    public void The_editor_gives_up_on_text_that_is_not_a_json_object(string text) =>
        Assert.Null(RuleConfigurationEditor.SetLevel(text, RuleCatalog.Ids, Rule));

    [Fact]
    public void The_editor_refuses_unknown_rule_ids() =>
        Assert.Null(RuleConfigurationEditor.SetLevel("{}", RuleCatalog.Ids, "no-such-rule"));

    private async Task<(string Uri, JToken Diagnostic)> OpenFailingSpecAsync(InProcessServer server)
    {
        var text = RulePage.Load(Path.Combine(RepositoryPaths.RuleDocs, Rule + ".md")).FailingExample!;
        var path = Path.Combine(root, "specs", "app.cachespec.yaml");
        await File.WriteAllTextAsync(path, text);
        var uri = new Uri(path).AbsoluteUri;
        await server.OpenAsync(uri, text);
        var published = await server.WaitForDiagnosticsAsync(uri,
            p => ((JArray)p["diagnostics"]!).Any(d => (string?)d["code"] == Rule));
        return (uri, ((JArray)published["diagnostics"]!).First(d => (string?)d["code"] == Rule));
    }

    private static async Task<JToken[]> ConfigureActionsAsync(InProcessServer server, string uri, JToken diagnostic)
    {
        var actions = (JArray)await server.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri },
            range = diagnostic["range"],
            context = new { diagnostics = new[] { diagnostic }, only = new[] { "quickfix" } },
        });
        return actions.Where(action => (string?)action["kind"] == "quickfix.configure").ToArray();
    }

    private static async Task<JToken> ConfigureActionAsync(InProcessServer server, string uri, JToken diagnostic) =>
        Assert.Single(await ConfigureActionsAsync(server, uri, diagnostic));

    private static string Apply(string text, JArray edits)
    {
        var source = new SourceText(text);
        int Offset(JToken position) =>
            source.GetOffset(new LinePosition((int)position["line"]!, (int)position["character"]!));
        foreach (var edit in edits.OrderByDescending(edit => Offset(edit["range"]!["start"]!)))
        {
            var start = Offset(edit["range"]!["start"]!);
            var end = Offset(edit["range"]!["end"]!);
            text = text[..start] + (string?)edit["newText"] + text[end..];
        }
        return text;
    }
}
