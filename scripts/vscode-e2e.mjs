// `npm run test:vscode`: the end-to-end test of the VS Code extension in a real VS Code (code-server + headless chromium).
// Builds the linux-x64 .vsix only with scripts/package.mjs --target linux-x64 (skip with --skip-package when it exists), installs code-server and chromium when
// missing (tests/editors/vscode/code-server.mjs), runs tests/editors/vscode/e2e.mjs, and prints `vscode-e2e: N passed, M failed`.
// The screenshot goes to docs/images/vscode.png (shown by the README) and, with the other captures, to artifacts/vscode-e2e/.
// CACHESPEC_E2E_KEEP=1 keeps the scratch folder (user data, logs) for a look after a failure.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { run } from './run.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(repo);
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

function finish(passed, failed, note) {
  if (note) console.error(note);
  console.log(`vscode-e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

if (process.platform !== 'linux' || process.arch !== 'x64') {
  finish(0, 1, 'vscode-e2e runs on linux-x64 only (the .vsix it tests targets linux-x64).');
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const vsix = path.join(repo, 'artifacts', 'release', `${manifest.name}-linux-x64-${manifest.version}.vsix`);
const serverExecutable = path.join(repo, 'artifacts', 'vsix', 'linux-x64', 'server', 'cachespec');
if (!(process.argv.includes('--skip-package') && existsSync(vsix) && existsSync(serverExecutable))) {
  if (run(process.execPath, ['scripts/package.mjs', '--target', 'linux-x64']) !== 0) finish(0, 1, 'npm run package failed.');
}
console.log(`\n== .vsix ready (${seconds()} s)`);

let ensureChromium, ensureCodeServer, runE2E;
try {
  ({ ensureChromium, ensureCodeServer } = await import('../tests/editors/vscode/code-server.mjs'));
  ({ runE2E } = await import('../tests/editors/vscode/e2e.mjs'));
} catch (error) {
  finish(0, 1, `cannot load the test (run npm install first?): ${error.message}`);
}

let chromiumPath, entry;
try {
  chromiumPath = ensureChromium();
  entry = ensureCodeServer();
} catch (error) {
  finish(0, 1, `installing the test browser or code-server failed: ${error.message}`);
}
console.log(`\n== code-server and chromium ready (${seconds()} s)`);

const testStarted = performance.now();
const checks = await runE2E({
  repo,
  entry,
  chromiumPath,
  vsix,
  serverExecutable,
  screenshot: path.join(repo, 'docs', 'images', 'vscode.png'),
  artifacts: path.join(repo, 'artifacts', 'vscode-e2e'),
}).catch((error) => {
  console.error(error);
  return { passed: 0, failed: 1 };
});
console.log(`\ntiming: the test ${((performance.now() - testStarted) / 1000).toFixed(1)} s, everything ${seconds()} s`);
finish(checks.passed, checks.failed);
