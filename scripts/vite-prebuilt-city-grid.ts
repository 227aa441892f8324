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
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { prebuiltFilesPlugins, runWriter } from './vite-prebuilt-files';

// A fresh pair per call: the build plugin keeps its writer's run for the build it serves.
const plugins = () =>
  prebuiltFilesPlugins({
    name: 'prebuilt-city-grid',
    virtualId: 'virtual:prebuilt-city-grid',
    write: (root) =>
      runWriter(
        root,
        'write-city-grid.ts',
        (directory) => [join(directory, 'city-grid.bin')],
        'city grid file',
      ),
    moduleValue: ({ directory, stdout }, emit) => ({
      url: emit('city-grid', readFileSync(join(directory, 'city-grid.bin'))),
      inputDigest: (JSON.parse(stdout) as { inputDigest: string }).inputDigest,
    }),
    // No file: the dev server's worker rasterises.
    devValue: undefined,
  });

export const prebuiltCityGrid = (): Plugin => plugins().build;
export const noPrebuiltCityGridInDev = (): Plugin => plugins().dev;
