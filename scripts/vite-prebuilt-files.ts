/**
 * The shared shape of the build's prebuilt binary files (the sample networks, the city grid): a writer
 * script runs in its own process from the build's start while bundling goes on, and a virtual module
 * hands the app the emitted files' URLs (content-hashed names under the assets directory). The dev
 * server gets a module without files, so its workers build the data themselves and edits show at once.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/** A writer's output: the temporary directory it wrote into, and what it printed. */
export interface WriterRun {
  directory: string;
  stdout: string;
}

/** Runs `scripts/<script>` under tsx in a child process, with a fresh temporary directory. */
export function runWriter(
  root: string,
  script: string,
  args: (directory: string) => string[],
  what: string,
): Promise<WriterRun> {
  const directory = mkdtempSync(join(tmpdir(), `${script.replace(/\.ts$/, '')}-`));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(root, 'scripts', script), ...args(directory)],
      { cwd: root, maxBuffer: 1 << 20 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${what}: ${stderr || error.message}`)) : resolve({ directory, stdout }),
    );
  });
}

/** Emits a file as a build asset named `<stem>-<content hash>.bin`; returns its URL. */
export type EmitFile = (stem: string, source: Buffer) => string;

interface PrebuiltFilesOptions {
  name: string;
  virtualId: string;
  write: (root: string) => Promise<WriterRun>;
  /** The virtual module's default export, from the writer's run; the run's directory is removed after. */
  moduleValue: (run: WriterRun, emit: EmitFile) => unknown;
  /** The dev server's default export. */
  devValue: unknown;
}

/** The build plugin and the dev server's plugin of one prebuilt virtual module. */
export function prebuiltFilesPlugins(options: PrebuiltFilesOptions): { build: Plugin; dev: Plugin } {
  const resolvedId = `\0${options.virtualId}`;
  const resolveId = (id: string) => (id === options.virtualId ? resolvedId : undefined);
  let config: ResolvedConfig;
  let written: Promise<WriterRun> | undefined;
  const build: Plugin = {
    name: options.name,
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      written = options.write(config.root);
      // Reported where it is awaited (load); this keeps an early failure from going unhandled.
      written.catch(() => undefined);
    },
    resolveId,
    async load(id) {
      if (id !== resolvedId) return undefined;
      const run = await (written ?? options.write(config.root));
      const emit: EmitFile = (stem, source) => {
        const hash = createHash('sha256').update(source).digest('hex').slice(0, 10);
        const fileName = `${config.build.assetsDir}/${stem}-${hash}.bin`;
        this.emitFile({ type: 'asset', fileName, source });
        return `${config.base}${fileName}`;
      };
      try {
        return `export default ${JSON.stringify(options.moduleValue(run, emit))};`;
      } finally {
        rmSync(run.directory, { recursive: true, force: true });
      }
    },
  };
  const dev: Plugin = {
    name: `${options.name}-dev`,
    apply: 'serve',
    resolveId,
    load: (id) => (id === resolvedId ? `export default ${JSON.stringify(options.devValue)};` : undefined),
  };
  return { build, dev };
}
