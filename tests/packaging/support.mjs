// Shared by the packaging tests: where the release is, how to read a zip and a binary's header, how to run a server built for another
// platform here (qemu-user for linux-arm64, wine for win-x64), and a minimal LSP session over a child's stdio.
import { spawn, spawnSync } from 'node:child_process';
import { readFrames, writeFrame } from '../support/lsp-frames.mjs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inflateRawSync } from 'node:zlib';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const release = path.join(repo, 'artifacts', 'release');
export const version = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version;
export const TARGETS = {
  'linux-x64': { rid: 'linux-x64', format: 'ELF', machine: 'x86-64' },
  'linux-arm64': { rid: 'linux-arm64', format: 'ELF', machine: 'aarch64' },
  'win32-x64': { rid: 'win-x64', format: 'PE', machine: 'x86-64' },
  'darwin-x64': { rid: 'osx-x64', format: 'Mach-O', machine: 'x86-64' },
  'darwin-arm64': { rid: 'osx-arm64', format: 'Mach-O', machine: 'arm64' },
};
export const releaseFiles = () => (existsSync(release) ? readdirSync(release).sort() : []);

/** Reads a zip's central directory: name, method, DOS time and date, sizes, Unix mode and where each entry's data starts. */
export function readZip(buffer) {
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file (no end of central directory)');
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error('corrupt central directory');
    const nameLength = buffer.readUInt16LE(offset + 28);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.set(name, {
      name,
      method: buffer.readUInt16LE(offset + 10),
      dosTime: buffer.readUInt16LE(offset + 12),
      dosDate: buffer.readUInt16LE(offset + 14),
      compressedSize: buffer.readUInt32LE(offset + 20),
      size: buffer.readUInt32LE(offset + 24),
      mode: buffer.readUInt32LE(offset + 38) >>> 16,
      local: buffer.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
  return entries;
}

export function readEntry(buffer, entry) {
  const start = entry.local + 30 + buffer.readUInt16LE(entry.local + 26) + buffer.readUInt16LE(entry.local + 28);
  const data = buffer.subarray(start, start + entry.compressedSize);
  return entry.method === 0 ? data : inflateRawSync(data);
}

/** The executable format and machine of a binary's first bytes: ELF, PE or Mach-O (64-bit), x86-64, aarch64 or arm64. */
export function binaryKind(bytes) {
  if (bytes.readUInt32BE(0) === 0x7f454c46) {
    const machine = { 0x3e: 'x86-64', 0xb7: 'aarch64' }[bytes.readUInt16LE(0x12)] ?? `ELF machine ${bytes.readUInt16LE(0x12)}`;
    return { format: 'ELF', machine, bits: bytes[4] === 2 ? 64 : 32 };
  }
  if (bytes.toString('latin1', 0, 2) === 'MZ') {
    const pe = bytes.readUInt32LE(0x3c);
    if (bytes.readUInt32LE(pe) !== 0x00004550) return { format: 'MZ without PE' };
    const machine = { 0x8664: 'x86-64', 0xaa64: 'arm64' }[bytes.readUInt16LE(pe + 4)] ?? `PE machine ${bytes.readUInt16LE(pe + 4)}`;
    const subsystem = bytes.readUInt16LE(pe + 24 + 68); // in the PE32+ optional header: 3 is a console program
    return { format: 'PE', machine, bits: bytes.readUInt16LE(pe + 24) === 0x20b ? 64 : 32, console: subsystem === 3 };
  }
  if (bytes.readUInt32LE(0) === 0xfeedfacf) {
    const machine = { 0x01000007: 'x86-64', 0x0100000c: 'arm64' }[bytes.readUInt32LE(4)] ?? `Mach-O cpu ${bytes.readUInt32LE(4)}`;
    // Load commands: LC_CODE_SIGNATURE (0x1d) says the executable is signed (ad hoc here), which macOS on arm64 requires.
    const commands = [];
    let offset = 32;
    for (let i = 0; i < bytes.readUInt32LE(16) && offset + 8 <= bytes.length; i++) {
      commands.push(bytes.readUInt32LE(offset));
      offset += bytes.readUInt32LE(offset + 4);
    }
    return { format: 'Mach-O', machine, bits: 64, signed: commands.includes(0x1d) };
  }
  return { format: 'unknown' };
}

/** The section names of a 64-bit little-endian ELF file (kept by strip, unlike its symbols). */
export function elfSections(bytes) {
  if (bytes.readUInt32BE(0) !== 0x7f454c46 || bytes[4] !== 2) return [];
  const offset = Number(bytes.readBigUInt64LE(0x28));
  const size = bytes.readUInt16LE(0x3a);
  const count = bytes.readUInt16LE(0x3c);
  const names = Number(bytes.readBigUInt64LE(offset + bytes.readUInt16LE(0x3e) * size + 0x18));
  const sections = [];
  for (let i = 0; i < count; i++) {
    const start = names + bytes.readUInt32LE(offset + i * size);
    sections.push(bytes.toString('latin1', start, bytes.indexOf(0, start)));
  }
  return sections;
}

/** A Native AOT executable carries its compiled managed code in its own sections; a host (apphost, single file) does not. */
export const isNativeAot = (bytes) => elfSections(bytes).includes('__managedcode');

/** The .NET tool packages: the pointer CacheSpec and CacheSpec.<rid> for every target's RID and `any` (framework-dependent). */
export const TOOL_RIDS = [...Object.values(TARGETS).map((item) => item.rid), 'any'];
export const toolPackage = (rid) => path.join(release, `CacheSpec.${rid ? `${rid}.` : ''}${version}.nupkg`);

/** How to run a server built for `target` on this machine: [] natively, qemu-user or wine, or a reason it cannot run. */
export function runner(target) {
  const here = `${process.platform}-${process.arch}`;
  if (target === here) return { prefix: [] };
  if (process.platform !== 'linux' || process.arch !== 'x64') return { skip: `${target} cannot run on ${here}` };
  if (target === 'linux-arm64') {
    const qemu = ['/usr/bin/qemu-aarch64-static', '/usr/bin/qemu-aarch64'].find(existsSync);
    if (!qemu) return { skip: 'qemu-user-static is not installed (npm test installs it with apt-get)' };
    if (!existsSync('/usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1')) return { skip: 'libc6-arm64-cross is not installed' };
    // -L: the arm64 C and C++ libraries of Debian's cross packages, so no binfmt_misc registration is needed.
    return { prefix: [qemu, '-L', '/usr/aarch64-linux-gnu'], name: 'qemu-user' };
  }
  if (target === 'win32-x64') {
    const wine = ['/usr/lib/wine/wine64', '/usr/bin/wine64', '/usr/bin/wine'].find(existsSync);
    if (!wine) return { skip: 'wine64 is not installed (npm test installs it with apt-get)' };
    return { prefix: [wine], name: 'wine', env: { WINEDEBUG: '-all', WINEPREFIX: path.join(repo, 'artifacts', 'wine') } };
  }
  return { skip: `${target} needs macOS, which this machine is not` };
}

export function runCommand(how, executable, args, options = {}) {
  const [command, ...rest] = [...how.prefix, executable];
  return spawnSync(command, [...rest, ...args], {
    encoding: 'utf8', timeout: 180_000, cwd: repo, ...options, env: { ...process.env, ...how.env, ...options.env },
  });
}

/**
 * One LSP session over stdio: initialize, initialized, didOpen of `spec`, the diagnostics published for it, shutdown and exit.
 * `uriOf` turns a local path into the URI the server expects (a Windows server under wine reads drive Z:).
 */
export async function lspSession(how, executable, spec, uriOf = (file) => pathToFileURL(file).href, timeoutMs = 120_000) {
  const [command, ...rest] = [...how.prefix, executable];
  const child = spawn(command, [...rest, 'serve', '--stdio'], { cwd: repo, env: { ...process.env, ...how.env }, stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const waiting = [];
  const messages = [];
  readFrames(child.stdout, (message) => {
    if (message.method !== undefined && message.id !== undefined) send({ jsonrpc: '2.0', id: message.id, result: null });
    messages.push(message);
    for (const waiter of [...waiting]) waiter();
  });
  const send = (message) => writeFrame(child.stdin, message);
  const waitFor = (predicate, what) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${stderr.slice(-2000)}`)), timeoutMs);
      const check = () => {
        const found = messages.find(predicate);
        if (found) {
          clearTimeout(timer);
          waiting.splice(waiting.indexOf(check), 1);
          resolve(found);
        }
      };
      waiting.push(check);
      check();
    });
  try {
    const root = path.join(repo, 'examples');
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: uriOf(root), capabilities: {} } });
    const initialized = await waitFor((message) => message.id === 1, 'the initialize reply');
    send({ jsonrpc: '2.0', method: 'initialized', params: {} });
    const uri = uriOf(spec);
    send({
      jsonrpc: '2.0', method: 'textDocument/didOpen',
      params: { textDocument: { uri, languageId: 'cachespec', version: 1, text: readFileSync(spec, 'utf8') } },
    });
    const published = await waitFor(
      (message) => message.method === 'textDocument/publishDiagnostics' && message.params.uri.toLowerCase() === uri.toLowerCase() &&
        message.params.diagnostics.length > 0,
      `diagnostics for ${uri}`,
    );
    send({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
    await waitFor((message) => message.id === 2, 'the shutdown reply');
    send({ jsonrpc: '2.0', method: 'exit' });
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('no exit'), 30_000))]);
    return { initialized, codes: published.params.diagnostics.map((item) => item.code), exitCode: code };
  } finally {
    child.kill();
  }
}
