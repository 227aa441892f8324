/**
 * A Vite plugin that ships the licence notices the bundler strips: it collects every npm package whose
 * code ends up in the build (the app's chunks, its workers' chunks and `?url` assets such as MapLibre's
 * worker and the HiGHS WebAssembly), and writes their names, versions, licences and full licence texts
 * to `third-party-licences.txt` beside index.html. The map's attribution links to that file.
 *
 * It refuses to build when a shipped package is under a copyleft licence (GPL family) or names no
 * licence at all: the project ships nothing GPL.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Plugin } from 'vite';

export const LICENCE_FILE_NAME = 'third-party-licences.txt';

export interface ShippedPackage {
  name: string;
  version: string;
  licence: string;
  repository: string;
  /** The package's own licence file, or a note when the package ships none. */
  text: string;
}

/** The package folder holding a module (`…/node_modules/@turf/area`), or undefined for the app's own code. */
export function packageRootOf(moduleId: string): string | undefined {
  const path = moduleId.replace(/^\0/, '').split('?')[0]!.replaceAll('/', sep);
  const marker = `${sep}node_modules${sep}`;
  const at = path.lastIndexOf(marker);
  if (at < 0) return undefined;
  const segments = path.slice(at + marker.length).split(sep);
  const nameLength = segments[0]?.startsWith('@') ? 2 : 1;
  if (segments.length < nameLength) return undefined;
  return path.slice(0, at + marker.length) + segments.slice(0, nameLength).join(sep);
}

/** True for a licence expression that forces the shipped bundle under a copyleft licence. */
export function isCopyleft(licence: string): boolean {
  // "MIT OR GPL-3.0" lets us take MIT; only an expression without a permissive choice is refused.
  const choices = licence.replace(/[()]/g, '').split(/\s+OR\s+/i);
  return choices.every((choice) => /\b(A|L)?GPL\b|\bGPL-/i.test(choice));
}

const LICENCE_FILE = /^(licen[cs]e|copying|notice)([.-].*)?$/i;

function readPackage(root: string): ShippedPackage {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    license?: string | { type: string };
    repository?: string | { url: string };
  };
  const licence = typeof manifest.license === 'object' ? manifest.license.type : (manifest.license ?? '');
  const repository =
    typeof manifest.repository === 'object' ? manifest.repository.url : (manifest.repository ?? '');
  const files = readdirSync(root)
    .filter((file) => LICENCE_FILE.test(file))
    .sort();
  const text =
    files.map((file) => readFileSync(join(root, file), 'utf8').trim()).join('\n\n') ||
    `(The package ships no licence file; its package.json declares the licence "${licence}".)`;
  return { name: manifest.name, version: manifest.version, licence, repository, text };
}

/** The text of third-party-licences.txt: one section per package, sorted by name. */
export function renderLicenceFile(packages: readonly ShippedPackage[]): string {
  const rule = '='.repeat(80);
  const sections = [...packages]
    .sort((left, right) => left.name.localeCompare(right.name) || left.version.localeCompare(right.version))
    .map((shipped) =>
      [
        rule,
        `${shipped.name} ${shipped.version} — ${shipped.licence}`,
        shipped.repository,
        '-'.repeat(80),
        shipped.text,
      ]
        .filter((line) => line !== '')
        .join('\n'),
    );
  return [
    'Third-party software shipped in this build of the Shanghai infrastructure layout planner',
    '上海新一代信息基础设施布局规划 所含第三方软件及其许可',
    `${packages.length} packages, listed from the build's own modules by scripts/third-party-licences.ts.`,
    'The map data and their licences are listed in data/geo/SOURCES.md and credited on the map.',
    '',
    ...sections,
    '',
  ].join('\n');
}

/**
 * One collector shared by the app build and its worker builds (Vite bundles each worker during the
 * app build, before the app's own generateBundle): `plugin(true)` in `plugins` writes the file,
 * `plugin(false)` in `worker.plugins` only adds the worker's packages.
 */
export function thirdPartyLicences(): { plugin(writesFile: boolean): Plugin } {
  const roots = new Set<string>();
  return {
    plugin(writesFile) {
      return {
        name: 'third-party-licences',
        apply: 'build',
        generateBundle(_options, bundle) {
          for (const output of Object.values(bundle)) {
            if (output.type !== 'chunk') continue;
            for (const moduleId of output.moduleIds) {
              const root = packageRootOf(moduleId);
              if (root && existsSync(join(root, 'package.json'))) roots.add(root);
            }
          }
          if (!writesFile) return;
          const byKey = new Map<string, ShippedPackage>();
          for (const root of roots) {
            const shipped = readPackage(root);
            byKey.set(`${shipped.name}@${shipped.version}`, shipped);
          }
          const packages = [...byKey.values()];
          const refused = packages.filter((shipped) => shipped.licence === '' || isCopyleft(shipped.licence));
          if (refused.length > 0) {
            this.error(
              `packages without a licence or under a copyleft one would ship: ${refused
                .map((shipped) => `${shipped.name} (${shipped.licence || 'none'})`)
                .join(', ')}`,
            );
          }
          this.emitFile({ type: 'asset', fileName: LICENCE_FILE_NAME, source: renderLicenceFile(packages) });
        },
      };
    },
  };
}
