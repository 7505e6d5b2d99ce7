// The CacheSpec extension: a thin client. It starts the `cachespec` language server over stdio for documents of the
// language `cachespec`, and adds only what a language server cannot: commands, a status bar item and workspace-trust handling.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as readline from 'node:readline';
import * as vscode from 'vscode';
import {
  type ClientCapabilities,
  type FeatureState,
  LanguageClient,
  type LanguageClientOptions,
  type ServerCapabilities,
  type ServerOptions,
  State,
  type StaticFeature,
  TransportKind,
} from 'vscode-languageclient/node';
import {
  effectiveGuidance,
  initializationOptions,
  isFailure,
  isRuleId,
  resolveServer,
  ruleAt,
  ruleDocPath,
  rulesFolder,
  type ResolvedServer,
  type ServerState,
  statusView,
} from './serverPath';

const LANGUAGE_ID = 'cachespec';
const CLIENT_NAME = 'CacheSpec Language Server';

let client: LanguageClient | undefined;
let resolved: ResolvedServer | undefined;
let serverState: ServerState = 'stopped';
let outputChannel: vscode.LogOutputChannel;
let statusItem: vscode.StatusBarItem;
let extensionPath: string;
/** Restarts are serialized so that two quick restarts never run two servers. */
let lifecycle: Promise<void> = Promise.resolve();

function isExecutableFile(filePath: string): boolean {
  try {
    fs.accessSync(filePath, fs.constants.X_OK);
    return fs.statSync(filePath).isFile();
  } catch {
    return false;
  }
}

/**
 * Diagnostics reach VS Code one way only: pushed (textDocument/publishDiagnostics). The server pushes diagnostics for every spec of
 * the workspace, open or not, and also answers pulls for open documents; with both, VS Code lists every finding twice. So the client
 * does not advertise pull diagnostics and ignores the server's pull provider (registered after the built-in features, so its
 * capability edit comes last and its preInitialize runs before their initialize).
 */
class PushDiagnosticsOnly implements StaticFeature {
  fillClientCapabilities(capabilities: ClientCapabilities): void {
    delete capabilities.textDocument?.diagnostic;
    delete capabilities.workspace?.diagnostics;
  }
  preInitialize(capabilities: ServerCapabilities): void {
    delete capabilities.diagnosticProvider;
  }
  initialize(): void {}
  getState(): FeatureState {
    return { kind: 'static' };
  }
  clear(): void {}
}

/** The server writes its log to stderr as well as to window/logMessage: its own lines go to the debug level, anything else (a crash) stays an error. */
function pipeServerStderr(input: NodeJS.ReadableStream, channel: vscode.LogOutputChannel): void {
  readline.createInterface({ input, crlfDelay: Infinity, terminal: false }).on('line', (line) => {
    if (line.startsWith('[cachespec]')) {
      channel.debug(line);
    } else {
      channel.error(line);
    }
  });
}

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('cachespec');
}

function updateStatus(): void {
  const editor = vscode.window.activeTextEditor;
  const document = editor?.document.languageId === LANGUAGE_ID ? editor.document : undefined;
  const guidanceSetting = vscode.workspace.getConfiguration('cachespec', document?.uri).get('guidance');
  const view = statusView(serverState, effectiveGuidance(document?.getText(), guidanceSetting), resolved?.source);
  statusItem.text = view.text;
  statusItem.tooltip = view.tooltip;
  statusItem.backgroundColor = view.error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  if (document || serverState === 'failed') {
    statusItem.show();
  } else {
    statusItem.hide();
  }
}

function setState(state: ServerState): void {
  serverState = state;
  updateStatus();
}

async function startClient(): Promise<void> {
  const result = resolveServer(
    {
      extensionPath,
      serverPathSetting: settings().inspect<string>('server.path'),
      workspaceTrusted: vscode.workspace.isTrusted,
    },
    { platform: process.platform, arch: process.arch, homeDir: os.homedir(), isExecutableFile, pathVariable: process.env.PATH },
  );
  for (const note of result.notes) {
    outputChannel.warn(note);
  }
  if (isFailure(result)) {
    resolved = undefined;
    outputChannel.error(result.error);
    setState('failed');
    void vscode.window.showErrorMessage(result.error, 'Show Output').then((choice) => choice && outputChannel.show());
    return;
  }
  resolved = result;
  outputChannel.info(`Starting ${result.command} ${result.args.join(' ')} --stdio (${result.source}).`);

  const serverOptions: ServerOptions = {
    command: result.command,
    args: result.args,
    transport: TransportKind.stdio,
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.cachespec.{yaml,yml}');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    synchronize: { fileEvents: watcher },
    outputChannel,
    stdioOptions: { stdout: () => undefined, stderr: (input, channel) => pipeServerStderr(input, channel) },
    initializationOptions: initializationOptions(settings().get('guidance')),
  };
  const next = new LanguageClient(LANGUAGE_ID, CLIENT_NAME, serverOptions, clientOptions);
  next.registerFeature(new PushDiagnosticsOnly());
  next.onDidChangeState((event) => {
    if (client !== next) {
      return;
    }
    if (event.newState === State.Running) {
      setState('running');
    } else if (event.newState === State.Starting) {
      setState('starting');
    } else if (event.newState === State.StartFailed) {
      setState('failed');
    } else if (serverState !== 'failed') {
      setState('stopped');
    }
  });
  client = next;
  setState('starting');
  try {
    await next.start();
  } catch (error) {
    watcher.dispose();
    outputChannel.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    setState('failed');
    void vscode.window
      .showErrorMessage('The CacheSpec language server did not start.', 'Show Output')
      .then((choice) => choice && outputChannel.show());
    return;
  }
  next.onDidChangeState((event) => {
    if (event.newState === State.Stopped) {
      watcher.dispose();
    }
  });
}

async function stopClient(): Promise<void> {
  const current = client;
  client = undefined;
  if (current) {
    try {
      await current.stop(5000);
    } catch (error) {
      outputChannel.warn(`Stopping the language server: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  setState('stopped');
}

function restart(reason: string): Promise<void> {
  lifecycle = lifecycle.then(async () => {
    outputChannel.info(`Restarting the language server: ${reason}.`);
    await stopClient();
    await startClient();
  });
  return lifecycle;
}

async function openRuleDocs(argument?: unknown): Promise<void> {
  let ruleId: string | undefined;
  let target: string | undefined;
  if (isRuleId(argument)) {
    ruleId = argument;
  } else {
    const editor = vscode.window.activeTextEditor;
    if (editor) {
      const position = editor.selection.active;
      const found = ruleAt(vscode.languages.getDiagnostics(editor.document.uri), position.line, position.character);
      ruleId = found?.ruleId;
      target = found?.target;
    }
  }
  if (!ruleId) {
    ruleId = await pickRule();
    if (!ruleId) {
      return;
    }
  }
  let uri: vscode.Uri | undefined;
  if (target && target.startsWith('file:')) {
    uri = vscode.Uri.parse(target);
  } else if (resolved) {
    const page = ruleDocPath(resolved.command, ruleId, process.platform);
    uri = page ? vscode.Uri.file(page) : undefined;
  }
  if (!uri || !fs.existsSync(uri.fsPath)) {
    void vscode.window.showWarningMessage(`No documentation page was found for the rule '${ruleId}'.`);
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}

async function pickRule(): Promise<string | undefined> {
  const folder = resolved ? rulesFolder(resolved.command, process.platform) : undefined;
  let ids: string[] = [];
  if (folder) {
    try {
      ids = (await vscode.workspace.fs.readDirectory(vscode.Uri.file(folder)))
        .map(([name]) => name.replace(/\.md$/, ''))
        .filter((name) => isRuleId(name))
        .sort();
    } catch {
      ids = [];
    }
  }
  if (ids.length === 0) {
    void vscode.window.showInformationMessage('Put the cursor on a CacheSpec diagnostic to open its rule page.');
    return undefined;
  }
  return vscode.window.showQuickPick(ids, { placeHolder: 'CacheSpec rule' });
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  outputChannel = vscode.window.createOutputChannel('CacheSpec', { log: true });
  statusItem = vscode.window.createStatusBarItem('cachespec.status', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'CacheSpec';
  statusItem.command = 'cachespec.showOutput';
  context.subscriptions.push(outputChannel, statusItem);

  context.subscriptions.push(
    vscode.commands.registerCommand('cachespec.restartServer', () => restart('asked by the user')),
    vscode.commands.registerCommand('cachespec.showOutput', () => outputChannel.show(true)),
    vscode.commands.registerCommand('cachespec.openRuleDocs', openRuleDocs),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document && event.document.languageId === LANGUAGE_ID) {
        updateStatus();
      }
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('cachespec.server.path') || event.affectsConfiguration('cachespec.guidance')) {
        void restart('the settings changed');
      }
    }),
    // A configured server path becomes usable once the user trusts the workspace. The workspace's value of the setting may become
    // visible only after this event (the e2e test once saw the settings restart pick the bundled server again), so the server is
    // resolved again whenever it did not come from the setting; with no path configured that is one quick restart of the same server.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (resolved?.source !== 'setting') {
        void restart('the workspace is now trusted');
      }
    }),
  );

  lifecycle = lifecycle.then(startClient);
  await lifecycle;
}

export async function deactivate(): Promise<void> {
  await lifecycle.catch(() => undefined);
  await stopClient();
}
