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
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { prebuiltFilesPlugins, runWriter } from './vite-prebuilt-files';

// A fresh pair per call: the build plugin keeps its writer's run for the build it serves.
const plugins = () =>
  prebuiltFilesPlugins({
    name: 'prebuilt-samples',
    virtualId: 'virtual:prebuilt-samples',
    write: (root) => runWriter(root, 'write-prebuilt-samples.ts', (directory) => [directory], 'sample files'),
    moduleValue: ({ directory }, emit) => {
      const urls: Record<number, string> = {};
      for (const name of readdirSync(directory).sort()) {
        const year = /^sample-(\d{4})\.bin$/.exec(name)?.[1];
        if (year) urls[Number(year)] = emit(`sample-${year}`, readFileSync(join(directory, name)));
      }
      return urls;
    },
    // No files: the dev server's worker generates.
    devValue: {},
  });

export const prebuiltSamples = (): Plugin => plugins().build;
export const noPrebuiltSamplesInDev = (): Plugin => plugins().dev;
