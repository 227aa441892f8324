/**
 * Vite plugin: a production build ships each year's sample network (示意数据) for the shipped seed as one
 * binary file (src/domain/sample/site-columns-file.ts), made by the generator and from the inputs the
 * app's sample worker uses (scripts/write-prebuilt-samples.ts, run in its own process while the rest of
 * the build goes on). The app then reads the sample at start-up instead of generating it, which took most
 * of the time before the first coverage figure (docs/first-screen.md).
 *
 * The app imports `virtual:prebuilt-samples`: the files' URLs per year in a build, none on the dev server
 * (whose worker generates as before, so an edit to the generator shows at once). Nothing is committed:
 * the files are build output, made from the checkout being built, so they cannot go stale.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

const VIRTUAL_ID = 'virtual:prebuilt-samples';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** Runs the writer in a child process; resolves with the directory holding the files. */
function writeSamples(root: string): Promise<string> {
  const directory = mkdtempSync(join(tmpdir(), 'prebuilt-samples-'));
  const script = join(root, 'scripts', 'write-prebuilt-samples.ts');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, directory],
      { cwd: root, maxBuffer: 1 << 20 },
      (error, _stdout, stderr) =>
        error ? reject(new Error(`sample files: ${stderr || error.message}`)) : resolve(directory),
    );
  });
}

export function prebuiltSamples(): Plugin {
  let config: ResolvedConfig;
  let written: Promise<string> | undefined;
  return {
    name: 'prebuilt-samples',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      written = writeSamples(config.root);
      // Reported where it is awaited (load); this keeps an early failure from going unhandled.
      written.catch(() => undefined);
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const directory = await (written ?? writeSamples(config.root));
      const urls: Record<number, string> = {};
      for (const name of readdirSync(directory).sort()) {
        const year = /^sample-(\d{4})\.bin$/.exec(name)?.[1];
        if (!year) continue;
        const source = readFileSync(join(directory, name));
        const hash = createHash('sha256').update(source).digest('hex').slice(0, 10);
        const fileName = `${config.build.assetsDir}/sample-${year}-${hash}.bin`;
        this.emitFile({ type: 'asset', fileName, source });
        urls[Number(year)] = `${config.base}${fileName}`;
      }
      rmSync(directory, { recursive: true, force: true });
      return `export default ${JSON.stringify(urls)};`;
    },
  };
}

/** The dev server's side of the virtual module: no files, so the worker generates. */
export function noPrebuiltSamplesInDev(): Plugin {
  return {
    name: 'prebuilt-samples-dev',
    apply: 'serve',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load: (id) => (id === RESOLVED_ID ? 'export default {};' : undefined),
  };
}
