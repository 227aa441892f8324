/**
 * Writes each year's sample network for the shipped seed as the binary file the app reads at start-up
 * (src/domain/sample/site-columns-file.ts), from the same inputs its sample worker fetches:
 * `node --import tsx scripts/write-prebuilt-samples.ts OUT_DIR`. The build runs it (vite-prebuilt-samples.ts)
 * in its own process, so the generator never loads into Vite's config. Prints one JSON line per file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSampleSites, SAMPLE_YEARS, SHIPPED_SITE_SEED } from '../src/domain/sample';
import { encodeSiteColumns } from '../src/domain/sample/site-columns';
import { encodeSiteColumnsFile } from '../src/domain/sample/site-columns-file';
import { readSampleSiteInput } from './sample-inputs';

const outDirectory = process.argv[2];
if (!outDirectory) {
  console.error('usage: node --import tsx scripts/write-prebuilt-samples.ts OUT_DIR');
  process.exit(2);
}
mkdirSync(outDirectory, { recursive: true });
const input = readSampleSiteInput();
for (const year of SAMPLE_YEARS) {
  const started = performance.now();
  const sample = generateSampleSites(input, { seed: SHIPPED_SITE_SEED, year });
  const bytes = encodeSiteColumnsFile({
    year,
    seed: SHIPPED_SITE_SEED,
    baseStations: sample.metadata.baseStations,
    columns: encodeSiteColumns(sample.features),
  });
  const file = join(outDirectory, `sample-${year}.bin`);
  writeFileSync(file, bytes);
  const elapsedMs = Math.round(performance.now() - started);
  console.log(
    JSON.stringify({ year, file, sectors: sample.features.length, bytes: bytes.byteLength, elapsedMs }),
  );
}
