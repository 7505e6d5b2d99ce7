// Bundles the extension with esbuild into client-vscode/out/extension.js ('vscode' stays external: VS Code provides it).
// With --tests it also compiles the pure module the unit tests import (client-vscode/out/test/serverPath.mjs).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const production = !process.argv.includes('--dev');

await build({
  entryPoints: [path.join(here, 'src', 'extension.ts')],
  outfile: path.join(here, 'out', 'extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: production,
  sourcemap: production ? false : 'inline',
  logLevel: 'warning',
});

if (process.argv.includes('--tests')) {
  await build({
    entryPoints: [path.join(here, 'src', 'serverPath.ts')],
    outfile: path.join(here, 'out', 'test', 'serverPath.mjs'),
    bundle: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
}
console.log('client-vscode: bundled out/extension.js');
