// The release's files besides the .vsix: archives (tar.gz with node-tar, and zip for Windows with yazl), SHA256SUMS and a CycloneDX
// 1.5 SBOM.
// Used by scripts/package.mjs; the formats are checked by tests/packaging.
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import yazl from 'yazl';

/** The one version of the release: the root package.json's (Directory.Build.props hands the same one to dotnet). */
export function releaseVersion(repo) {
  return JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version;
}

/** Seconds since 1970 of the last commit, so archives made twice from one commit are the same bytes. */
export function sourceDateEpoch(repo) {
  const fromEnv = Number(process.env.SOURCE_DATE_EPOCH);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  const git = spawnSync('git', ['log', '-1', '--format=%ct'], { cwd: repo, encoding: 'utf8' });
  const seconds = Number(git.stdout?.trim());
  return Number.isInteger(seconds) && seconds > 0 ? seconds : Math.floor(Date.now() / 1000);
}

/** Every folder and file under `folder`, depth first and sorted by name, as paths relative to it (folders before their contents). */
function walk(folder, prefix = '') {
  const entries = [];
  for (const name of readdirSync(folder).sort()) {
    const full = path.join(folder, name);
    const relative = prefix ? `${prefix}/${name}` : name;
    const directory = statSync(full).isDirectory();
    entries.push({ full, relative, directory });
    if (directory) entries.push(...walk(full, relative));
  }
  return entries;
}

/** 0755 for folders and for files with any execute bit (the server), 0644 for the others, whatever the umask of the build. */
const archiveMode = (mode, directory) => (directory || mode & 0o111 ? 0o755 : 0o644);

/**
 * `folder` as <out>, a .tar.gz whose single top-level folder is the folder's name, written with node-tar: entries sorted, no owner
 * (portable), every mtime (folders' too) the epoch's, modes normalised, gzip level 9 with no name or time in its header.
 */
export function writeTarGz(folder, out, epoch) {
  const top = path.basename(folder);
  const paths = [top, ...walk(folder).map(({ relative }) => `${top}/${relative}`)];
  tar.create({
    file: out, sync: true, cwd: path.dirname(folder), gzip: { level: 9 }, portable: true, noDirRecurse: true, mtime: new Date(epoch * 1000),
    onWriteEntry: (entry) => {
      entry.noMtime = false; // portable mode would leave the folders' mtime out
      entry.stat.mode = (entry.stat.mode & ~0o7777) | archiveMode(entry.stat.mode, entry.type === 'Directory');
    },
  }, paths);
}

/** `folder` as a .zip written with yazl (deflate; the folder's name as the top-level folder; files only, as before). */
export async function writeZip(folder, out, epoch) {
  // yazl writes the DOS time from the Date's local fields: give it a Date whose local fields are the epoch's UTC ones, and no
  // extended timestamp, so the bytes do not depend on the time zone of the build.
  const utc = new Date(epoch * 1000);
  const mtime = new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
  const zip = new yazl.ZipFile();
  for (const { full, relative, directory } of walk(folder)) {
    if (directory) continue;
    zip.addBuffer(readFileSync(full), `${path.basename(folder)}/${relative}`, {
      mtime, forceDosTimestamp: true, mode: 0o100000 | archiveMode(statSync(full).mode, false), compressionLevel: 9,
    });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(out));
}

export function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** SHA256SUMS over every other file of the release folder, in the format `sha256sum -c` reads. */
export function writeChecksums(folder) {
  const names = readdirSync(folder).filter((name) => name !== 'SHA256SUMS' && statSync(path.join(folder, name)).isFile()).sort();
  writeFileSync(path.join(folder, 'SHA256SUMS'), names.map((name) => `${sha256(path.join(folder, name))}  ${name}\n`).join(''));
  return names;
}

const base64ToHex = (text) => Buffer.from(text, 'base64').toString('hex');

/** The server's NuGet packages as shipped (what it runs with, not the SDK's build tools), from its restore's assets file. */
function nugetComponents(repo) {
  const assets = JSON.parse(readFileSync(path.join(repo, 'server/CacheSpec.Server/obj/project.assets.json'), 'utf8'));
  const frameworkName = Object.keys(assets.project.frameworks)[0];
  const framework = assets.project.frameworks[frameworkName];
  const graph = assets.targets[Object.keys(assets.targets).find((key) => !key.includes('/'))];
  const byName = new Map(Object.entries(graph).map(([key, value]) => [key.split('/')[0].toLowerCase(), { key, ...value }]));
  const packagesFolder = Object.keys(assets.packageFolders ?? {})[0] ?? path.join(os.homedir(), '.nuget/packages');
  const roots = Object.entries(framework.dependencies ?? {}).filter(([, value]) => !value.autoReferenced).map(([name]) => name);
  for (const [key, value] of Object.entries(graph)) {
    if (value.type === 'project') roots.push(key.split('/')[0]);
  }
  const seen = new Map();
  const visit = (name) => {
    const node = byName.get(name.toLowerCase());
    if (!node || seen.has(node.key)) return;
    seen.set(node.key, node);
    for (const dependency of Object.keys(node.dependencies ?? {})) visit(dependency);
  };
  roots.forEach(visit);
  const components = [];
  const dependencies = [];
  for (const [key, node] of seen) {
    const [name, version] = key.split('/');
    const ref = node.type === 'project' ? `project:${name}@${version}` : `pkg:nuget/${name}@${version}`;
    const refOf = (dependency) => {
      const target = byName.get(dependency.toLowerCase());
      if (!target) return undefined;
      const [depName, depVersion] = target.key.split('/');
      return target.type === 'project' ? `project:${depName}@${depVersion}` : `pkg:nuget/${depName}@${depVersion}`;
    };
    dependencies.push({ ref, dependsOn: Object.keys(node.dependencies ?? {}).map(refOf).filter(Boolean) });
    if (node.type === 'project') continue; // the project's own libraries are part of the main component
    const component = { type: 'library', 'bom-ref': ref, name, version, purl: ref, scope: 'required' };
    const folder = path.join(packagesFolder, name.toLowerCase(), version.toLowerCase());
    const hashFile = path.join(folder, `${name.toLowerCase()}.${version.toLowerCase()}.nupkg.sha512`);
    if (existsSync(hashFile)) component.hashes = [{ alg: 'SHA-512', content: base64ToHex(readFileSync(hashFile, 'utf8').trim()) }];
    const nuspec = path.join(folder, `${name.toLowerCase()}.nuspec`);
    const license = existsSync(nuspec) ? /<license type="expression">([^<]+)<\/license>/.exec(readFileSync(nuspec, 'utf8'))?.[1] : undefined;
    if (license) component.licenses = [{ expression: license }];
    components.push(component);
  }
  // The self-contained builds carry the .NET runtime itself.
  const bundled = spawnSync('dotnet', ['msbuild', 'server/CacheSpec.Server', '-getProperty:BundledNETCoreAppPackageVersion'], {
    cwd: repo, encoding: 'utf8',
  });
  const runtimeVersion = /^\d+\.\d+\.\d+\S*$/.test(bundled.stdout?.trim() ?? '') ? bundled.stdout.trim() : undefined;
  if (runtimeVersion) {
    components.push({
      type: 'framework', 'bom-ref': `pkg:nuget/Microsoft.NETCore.App.Runtime@${runtimeVersion}`, name: 'Microsoft.NETCore.App.Runtime',
      version: runtimeVersion, purl: `pkg:nuget/Microsoft.NETCore.App.Runtime@${runtimeVersion}`, scope: 'required',
      licenses: [{ expression: 'MIT' }],
      description: 'The .NET runtime inside the self-contained and Native AOT servers and tool packages (not in CacheSpec.any, the framework-dependent tool).',
    });
  }
  return { components, dependencies, roots: roots.map((name) => byName.get(name.toLowerCase())).filter(Boolean) };
}

/** The extension's npm packages bundled into extension.js: the root's runtime dependencies and theirs, from package-lock.json. */
function npmComponents(repo) {
  const lock = JSON.parse(readFileSync(path.join(repo, 'package-lock.json'), 'utf8'));
  const packages = lock.packages;
  const resolve = (from, name) => {
    for (let at = from; ; at = at.includes('/node_modules/') ? at.slice(0, at.lastIndexOf('/node_modules/')) : '') {
      const candidate = at ? `${at}/node_modules/${name}` : `node_modules/${name}`;
      if (packages[candidate]) return candidate;
      if (!at) return undefined;
    }
  };
  const purl = (location) => {
    const name = location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);
    return { name, ref: `pkg:npm/${name.replace('@', '%40')}@${packages[location].version}` };
  };
  const seen = new Set();
  const components = [];
  const dependencies = [];
  const visit = (location) => {
    if (!location || seen.has(location)) return;
    seen.add(location);
    const entry = packages[location];
    const { name, ref } = purl(location);
    const children = Object.keys({ ...entry.dependencies, ...entry.optionalDependencies }).map((dependency) => resolve(location, dependency)).filter(Boolean);
    const component = { type: 'library', 'bom-ref': ref, name, version: entry.version, purl: ref, scope: 'required' };
    if (entry.integrity?.startsWith('sha512-')) component.hashes = [{ alg: 'SHA-512', content: base64ToHex(entry.integrity.slice(7)) }];
    if (entry.license) component.licenses = [{ expression: entry.license }];
    components.push(component);
    dependencies.push({ ref, dependsOn: children.map((child) => purl(child).ref) });
    children.forEach(visit);
  };
  const roots = Object.keys(packages[''].dependencies ?? {}).map((name) => resolve('', name));
  roots.forEach(visit);
  return { components, dependencies, roots: roots.map((location) => purl(location).ref) };
}

/**
 * The .NET tool packages in the release folder: CacheSpec (the pointer) and CacheSpec.<rid>, each with its SHA-256 and, where
 * `modes` knows it (the packs of this run), how its server is built.
 */
function toolComponents(folder, version, modes) {
  const suffix = `.${version}.nupkg`;
  return readdirSync(folder).filter((name) => name.startsWith('CacheSpec.') && name.endsWith(suffix)).sort().map((name) => {
    const id = name.slice(0, -suffix.length);
    const rid = id === 'CacheSpec' ? undefined : id.slice('CacheSpec.'.length);
    const ref = `pkg:nuget/${id}@${version}`;
    const description = rid
      ? `The .NET tool package for ${rid === 'any' ? 'any other platform' : rid}${modes[rid] ? `: ${modes[rid]}` : ''}.`
      : 'The .NET tool CacheSpec: names the package of each runtime identifier, which dotnet tool install takes.';
    return {
      type: 'application', 'bom-ref': ref, name: id, version, purl: ref, scope: 'required', licenses: [{ expression: 'MIT' }], description,
      hashes: [{ alg: 'SHA-256', content: sha256(path.join(folder, name)) }],
    };
  });
}

/**
 * A CycloneDX 1.5 JSON SBOM of what the release ships: the server's NuGet packages, the extension's npm packages and the .NET tool
 * packages beside `out` (`toolModes`: how this run built each RID's package).
 */
export function writeSbom(repo, out, epoch, toolModes = {}) {
  const version = releaseVersion(repo);
  const main = `pkg:generic/cachespec@${version}`;
  const nuget = nugetComponents(repo);
  const npm = npmComponents(repo);
  const nugetRoots = nuget.roots.map((node) => {
    const [name, nodeVersion] = node.key.split('/');
    return node.type === 'project' ? `project:${name}@${nodeVersion}` : `pkg:nuget/${name}@${nodeVersion}`;
  });
  const runtime = nuget.components.find((component) => component.type === 'framework');
  const tools = toolComponents(path.dirname(out), version, toolModes);
  const pointer = tools.find((component) => component.name === 'CacheSpec');
  // Every RID package holds the cachespec application; all but CacheSpec.any also hold the runtime.
  const toolDependencies = tools.filter((component) => component !== pointer).map((component) => ({
    ref: component['bom-ref'],
    dependsOn: [main, ...(runtime && component.name !== 'CacheSpec.any' ? [runtime['bom-ref']] : [])],
  }));
  if (pointer) toolDependencies.push({ ref: pointer['bom-ref'], dependsOn: toolDependencies.map((item) => item.ref) });
  const bom = {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: new Date(epoch * 1000).toISOString(),
      tools: { components: [{ type: 'application', name: 'cachespec scripts/release-files.mjs', version }] },
      component: {
        type: 'application', 'bom-ref': main, name: 'cachespec', version, purl: main, licenses: [{ expression: 'MIT' }],
        description: 'CacheSpec: the cachespec server and CLI, the .NET tool and the VS Code extension.',
        externalReferences: [{ type: 'vcs', url: 'https://github.com/cachespec/cachespec' }],
      },
    },
    components: [...nuget.components, ...npm.components, ...tools],
    dependencies: [
      { ref: main, dependsOn: [...nugetRoots, ...npm.roots, ...(runtime ? [runtime['bom-ref']] : [])] },
      ...nuget.dependencies,
      ...npm.dependencies,
      ...(runtime ? [{ ref: runtime['bom-ref'], dependsOn: [] }] : []),
      ...toolDependencies,
    ],
  };
  // Project references (CacheSpec.Analysis) are part of the main component: fold their edges into it.
  const projects = bom.dependencies.filter((item) => item.ref.startsWith('project:'));
  bom.dependencies = bom.dependencies.filter((item) => !item.ref.startsWith('project:'));
  const top = bom.dependencies[0];
  top.dependsOn = [...new Set([...top.dependsOn.filter((ref) => !ref.startsWith('project:')), ...projects.flatMap((item) => item.dependsOn)])]
    .filter((ref) => !ref.startsWith('project:'));
  writeFileSync(out, `${JSON.stringify(bom, null, 2)}\n`);
  return bom;
}
