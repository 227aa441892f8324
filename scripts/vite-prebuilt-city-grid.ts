/**
 * Vite plugin: a production build ships the shipped city's coverage grid for the default settings as one
 * binary file (src/domain/coverage/city-grid-file.ts), written from data/geo by
 * scripts/write-city-grid.ts in its own process while the bundling goes on. The coverage worker then reads
 * the grid at start-up instead of rasterising the city (docs/first-screen.md).
 *
 * The app imports `virtual:prebuilt-city-grid`: the file's URL and the digest of the inputs it was made
 * from in a build, nothing on the dev server (whose worker rasterises, so an edit to the rasterisation
 * shows at once). Nothing is committed: the file is build output of the checkout being built.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

const VIRTUAL_ID = 'virtual:prebuilt-city-grid';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

interface Written {
  directory: string;
  file: string;
  inputDigest: string;
}

/** Runs the writer in a child process; resolves with the file and its input digest. */
function writeGrid(root: string): Promise<Written> {
  const directory = mkdtempSync(join(tmpdir(), 'prebuilt-city-grid-'));
  const file = join(directory, 'city-grid.bin');
  const script = join(root, 'scripts', 'write-city-grid.ts');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, file],
      { cwd: root, maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`city grid file: ${stderr || error.message}`));
        else resolve({ directory, file, inputDigest: (JSON.parse(stdout) as Written).inputDigest });
      },
    );
  });
}

export function prebuiltCityGrid(): Plugin {
  let config: ResolvedConfig;
  let written: Promise<Written> | undefined;
  return {
    name: 'prebuilt-city-grid',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      written = writeGrid(config.root);
      // Reported where it is awaited (load); this keeps an early failure from going unhandled.
      written.catch(() => undefined);
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const { directory, file, inputDigest } = await (written ?? writeGrid(config.root));
      const source = readFileSync(file);
      rmSync(directory, { recursive: true, force: true });
      const hash = createHash('sha256').update(source).digest('hex').slice(0, 10);
      const fileName = `${config.build.assetsDir}/city-grid-${hash}.bin`;
      this.emitFile({ type: 'asset', fileName, source });
      return `export default ${JSON.stringify({ url: `${config.base}${fileName}`, inputDigest })};`;
    },
  };
}

/** The dev server's side of the virtual module: no file, so the worker rasterises. */
export function noPrebuiltCityGridInDev(): Plugin {
  return {
    name: 'prebuilt-city-grid-dev',
    apply: 'serve',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load: (id) => (id === RESOLVED_ID ? 'export default undefined;' : undefined),
  };
}
