// The client's own decisions, kept free of the 'vscode' module so that node's test runner can check them:
// which server executable to start, what to pass it, how to read the settings, and what the status bar says.
import * as path from 'node:path';

export type GuidanceProfile = '2020-10' | 'current';
export const GUIDANCE_PROFILES: readonly GuidanceProfile[] = ['current', '2020-10'];
export const DEFAULT_GUIDANCE: GuidanceProfile = 'current';

export type TraceLevel = 'off' | 'messages' | 'compact' | 'verbose';
const TRACE_LEVELS: readonly TraceLevel[] = ['off', 'messages', 'compact', 'verbose'];

/** The shape of WorkspaceConfiguration.inspect() for one setting (only the parts used here). */
export interface SettingInspection<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/** The file system and environment the resolution may look at; tests pass fakes. */
export interface ResolutionHost {
  platform: NodeJS.Platform;
  arch: string;
  homeDir: string;
  isExecutableFile(filePath: string): boolean;
  /** The PATH variable, used only when neither the setting nor the bundled server gives an executable. */
  pathVariable?: string;
}

export interface ResolutionInput {
  extensionPath: string;
  serverPathSetting: SettingInspection<string> | undefined;
  workspaceTrusted: boolean;
}

export type ServerSource = 'setting' | 'bundled' | 'path';

export interface ResolvedServer {
  command: string;
  /** vscode-languageclient appends --stdio itself when the transport is stdio. */
  args: string[];
  source: ServerSource;
  /** Things the user should hear about (an ignored or unusable setting), in plain words. */
  notes: string[];
}

export interface ResolutionFailure {
  error: string;
  notes: string[];
}

export const SERVER_ARGS: readonly string[] = ['serve'];

export function executableName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'cachespec.exe' : 'cachespec';
}

/** Where `npm run package` puts the published server inside the extension. */
export function bundledServerPath(extensionPath: string, platform: NodeJS.Platform): string {
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  return join(extensionPath, 'server', executableName(platform));
}

function isBlank(value: string | undefined): value is undefined {
  return value === undefined || value.trim() === '';
}

/**
 * The configured server path that may be used, or why none may.
 * cachespec.server.path is machine-scoped and listed in restrictedConfigurations: in an untrusted workspace it is never used,
 * whatever scope it comes from, so a workspace cannot make the extension run a program of its choosing.
 */
export function configuredServerPath(
  inspection: SettingInspection<string> | undefined,
  workspaceTrusted: boolean,
): { value?: string; note?: string } {
  if (!inspection) {
    return {};
  }
  const fromWorkspace = !isBlank(inspection.workspaceFolderValue)
    ? inspection.workspaceFolderValue
    : !isBlank(inspection.workspaceValue)
      ? inspection.workspaceValue
      : undefined;
  const fromUser = !isBlank(inspection.globalValue) ? inspection.globalValue : undefined;
  if (!workspaceTrusted) {
    if (fromWorkspace !== undefined || fromUser !== undefined) {
      return { note: 'cachespec.server.path is ignored because the workspace is not trusted; the bundled server is used.' };
    }
    return {};
  }
  const value = fromWorkspace ?? fromUser;
  return value === undefined ? {} : { value: value.trim() };
}

/** Expands a leading ~ and checks that the path is absolute (a relative path would depend on the server's working folder). */
export function normalizeConfiguredPath(value: string, host: Pick<ResolutionHost, 'platform' | 'homeDir'>): string | undefined {
  const flavour = host.platform === 'win32' ? path.win32 : path.posix;
  let expanded = value;
  if (expanded === '~' || expanded.startsWith('~/') || expanded.startsWith('~\\')) {
    expanded = flavour.join(host.homeDir, expanded.slice(1));
  }
  return flavour.isAbsolute(expanded) ? flavour.normalize(expanded) : undefined;
}

function findOnPath(host: ResolutionHost): string | undefined {
  if (isBlank(host.pathVariable)) {
    return undefined;
  }
  const flavour = host.platform === 'win32' ? path.win32 : path.posix;
  const separator = host.platform === 'win32' ? ';' : ':';
  for (const folder of host.pathVariable.split(separator)) {
    if (folder === '' || !flavour.isAbsolute(folder)) {
      continue; // a relative PATH entry would resolve against the workspace folder
    }
    const candidate = flavour.join(folder, executableName(host.platform));
    if (host.isExecutableFile(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

/** Picks the executable: the trusted setting, else the server bundled in the extension, else `cachespec` on PATH. */
export function resolveServer(input: ResolutionInput, host: ResolutionHost): ResolvedServer | ResolutionFailure {
  const notes: string[] = [];
  const configured = configuredServerPath(input.serverPathSetting, input.workspaceTrusted);
  if (configured.note) {
    notes.push(configured.note);
  }
  if (configured.value !== undefined) {
    const absolute = normalizeConfiguredPath(configured.value, host);
    if (absolute === undefined) {
      notes.push(`cachespec.server.path must be an absolute path (got '${configured.value}'); it is ignored.`);
    } else if (!host.isExecutableFile(absolute)) {
      notes.push(`cachespec.server.path names '${absolute}', which is not an executable file; it is ignored.`);
    } else {
      return { command: absolute, args: [...SERVER_ARGS], source: 'setting', notes };
    }
  }
  const bundled = bundledServerPath(input.extensionPath, host.platform);
  if (host.isExecutableFile(bundled)) {
    return { command: bundled, args: [...SERVER_ARGS], source: 'bundled', notes };
  }
  const onPath = findOnPath(host);
  if (onPath !== undefined) {
    notes.push(`No server is bundled for ${host.platform}-${host.arch}; using ${onPath} from PATH.`);
    return { command: onPath, args: [...SERVER_ARGS], source: 'path', notes };
  }
  return {
    error:
      `No CacheSpec language server was found: the extension has none for ${host.platform}-${host.arch} (looked for ${bundled}), ` +
      'cachespec is not on PATH, and cachespec.server.path is not set to a usable executable.',
    notes,
  };
}

export function isFailure(result: ResolvedServer | ResolutionFailure): result is ResolutionFailure {
  return 'error' in result;
}

export function normalizeGuidance(value: unknown): GuidanceProfile {
  return typeof value === 'string' && (GUIDANCE_PROFILES as readonly string[]).includes(value.trim())
    ? (value.trim() as GuidanceProfile)
    : DEFAULT_GUIDANCE;
}

export function normalizeTrace(value: unknown): TraceLevel {
  return typeof value === 'string' && (TRACE_LEVELS as readonly string[]).includes(value) ? (value as TraceLevel) : 'off';
}

/** initializationOptions sent with `initialize`: the default profile for specs that do not name one. */
export function initializationOptions(guidance: unknown): { guidance: GuidanceProfile } {
  return { guidance: normalizeGuidance(guidance) };
}

/** The profile a spec names with its top-level `guidance:` key, if any (a spec's own key wins over the setting). */
export function guidanceOfSpec(text: string): GuidanceProfile | undefined {
  const match = /^guidance[ \t]*:[ \t]*(["']?)([^"'\s#]+)\1[ \t]*(?:#.*)?$/m.exec(text);
  if (!match) {
    return undefined;
  }
  const value = match[2];
  return (GUIDANCE_PROFILES as readonly string[]).includes(value) ? (value as GuidanceProfile) : undefined;
}

/** The profile in force for a document: its own key, else the setting. */
export function effectiveGuidance(documentText: string | undefined, setting: unknown): { profile: GuidanceProfile; fromSpec: boolean } {
  const own = documentText === undefined ? undefined : guidanceOfSpec(documentText);
  return own ? { profile: own, fromSpec: true } : { profile: normalizeGuidance(setting), fromSpec: false };
}

export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

export interface StatusView {
  text: string;
  tooltip: string;
  error: boolean;
}

const STATE_ICONS: Record<ServerState, string> = {
  starting: '$(sync~spin)',
  running: '$(check)',
  stopped: '$(circle-slash)',
  failed: '$(error)',
};

export function statusView(state: ServerState, guidance: { profile: GuidanceProfile; fromSpec: boolean }, source?: ServerSource): StatusView {
  const origin = guidance.fromSpec ? 'named by this spec' : 'from the cachespec.guidance setting';
  const server = source === 'setting' ? 'the server from cachespec.server.path' : source === 'path' ? 'cachespec from PATH' : 'the bundled server';
  return {
    text: `${STATE_ICONS[state]} CacheSpec ${guidance.profile}`,
    tooltip: `CacheSpec language server: ${state} (${server}). Guidance profile ${guidance.profile}, ${origin}. Click to show the output.`,
    error: state === 'failed',
  };
}

const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export function isRuleId(value: unknown): value is string {
  return typeof value === 'string' && RULE_ID.test(value);
}

/** The folder of rule pages shipped beside a server: <server folder>/docs/rules. */
export function rulesFolder(serverCommand: string, platform: NodeJS.Platform): string {
  const flavour = platform === 'win32' ? path.win32 : path.posix;
  return flavour.join(flavour.dirname(serverCommand), 'docs', 'rules');
}

/** The rule page shipped beside a server: <server folder>/docs/rules/<id>.md (undefined for anything that is not a rule id). */
export function ruleDocPath(serverCommand: string, ruleId: string, platform: NodeJS.Platform): string | undefined {
  if (!isRuleId(ruleId)) {
    return undefined;
  }
  const flavour = platform === 'win32' ? path.win32 : path.posix;
  return flavour.join(rulesFolder(serverCommand, platform), `${ruleId}.md`);
}

/** A diagnostic as the command sees it: the code may be a string, a number or { value, target }. */
export interface DiagnosticLike {
  source?: string;
  code?: string | number | { value: string | number; target?: { toString(): string } };
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function contains(range: DiagnosticLike['range'], line: number, character: number): boolean {
  const afterStart = line > range.start.line || (line === range.start.line && character >= range.start.character);
  const beforeEnd = line < range.end.line || (line === range.end.line && character <= range.end.character);
  return afterStart && beforeEnd;
}

/** The rule id and documentation link of the CacheSpec diagnostic under the cursor (the narrowest one when several overlap). */
export function ruleAt(diagnostics: readonly DiagnosticLike[], line: number, character: number): { ruleId: string; target?: string } | undefined {
  const candidates = diagnostics
    .filter((diagnostic) => diagnostic.source === 'cachespec' && contains(diagnostic.range, line, character))
    .map((diagnostic) => {
      const code = diagnostic.code;
      const value = typeof code === 'object' && code !== null ? code.value : code;
      const target = typeof code === 'object' && code !== null && code.target ? code.target.toString() : undefined;
      const span =
        (diagnostic.range.end.line - diagnostic.range.start.line) * 100000 + (diagnostic.range.end.character - diagnostic.range.start.character);
      return { ruleId: String(value ?? ''), target, span };
    })
    .filter((candidate) => isRuleId(candidate.ruleId))
    .sort((a, b) => a.span - b.span);
  const first = candidates[0];
  return first ? { ruleId: first.ruleId, target: first.target } : undefined;
}
