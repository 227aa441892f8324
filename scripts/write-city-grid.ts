/**
 * Writes the shipped city's coverage grid for the default settings as the file the coverage worker reads
 * at start-up (src/domain/coverage/city-grid-file.ts), from the files the app hands the worker:
 * `node --import tsx scripts/write-city-grid.ts OUT_FILE`. The build runs it (vite-prebuilt-city-grid.ts)
 * in its own process. Prints one JSON line: the file, its size, the input digest and the time taken.
 */
import { writeFileSync } from 'node:fs';
import { cityGridKey, encodeCityGridFile } from '../src/domain/coverage/city-grid-file';
import { buildCityRaster } from '../src/domain/coverage/city-raster';
import { defaultCoverageSettings } from '../src/domain/coverage/settings';
import { readCityGridInput } from './city-grid-inputs';

const outFile = process.argv[2];
if (!outFile) {
  console.error('usage: node --import tsx scripts/write-city-grid.ts OUT_FILE');
  process.exit(2);
}
const started = performance.now();
const { input, inputDigest } = readCityGridInput();
const settings = defaultCoverageSettings();
const bytes = encodeCityGridFile(buildCityRaster(input, settings), cityGridKey(settings, inputDigest));
writeFileSync(outFile, bytes);
const elapsedMs = Math.round(performance.now() - started);
console.log(JSON.stringify({ file: outFile, bytes: bytes.byteLength, inputDigest, elapsedMs }));
