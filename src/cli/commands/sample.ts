/**
 * `sample --year 2020|2025 --out FILE.geojson [--seed N]` writes a deterministic sample network (示意数据):
 * one feature per sector, generated from the shipped land mask, environment, plan zones and poles by the
 * same code the app runs in its worker. Prints one JSON object with the counts.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { generateSampleSites, SAMPLE_YEARS, type SampleYear, SHIPPED_SITE_SEED } from '../../domain/sample';
import { numberFlag, parseFlags, requireFlag } from '../arguments';
import { CliError } from '../cli-error';
import { readShippedSampleInput } from '../shipped-city';

const FLAGS = ['year', 'out', 'seed'] as const;

export const usage = `usage: npm run --silent cli -- sample --year 2020|2025 --out FILE.geojson [options]

Writes a sample 5G network (示意数据 / sample data, not real sites) as GeoJSON: one feature per sector,
three sectors per macro base station, with band, height, azimuth and tilts. 2020 has the plan's 32,000
outdoor base stations; 2025 keeps all of them and grows to 72,000 ("more than 70,000"). Deterministic:
the same year and seed always give the same file. Prints one JSON object with the counts.

options:
  --year 2020|2025          which sample (required)
  --out FILE.geojson        where to write it (required; an existing file is replaced)
  --seed N                  another layout of the same calibration (default ${SHIPPED_SITE_SEED}, the app's)
  --help                    print this help`;

/** Run the command; prints one JSON object. */
export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    return 0;
  }
  const flags = parseFlags(args, FLAGS);
  const yearText = requireFlag(flags, 'year');
  const year = Number(yearText) as SampleYear;
  if (!(SAMPLE_YEARS as readonly number[]).includes(year)) {
    throw new CliError(`--year must be one of ${SAMPLE_YEARS.join('|')}, got "${yearText}"`);
  }
  const out = requireFlag(flags, 'out');
  if (existsSync(out) && statSync(out).isDirectory()) throw new CliError(`--out "${out}" is a directory`);
  const seed = numberFlag(flags, 'seed', { min: 0, max: 2 ** 32 - 1 }, SHIPPED_SITE_SEED);
  if (!Number.isInteger(seed)) throw new CliError(`--seed must be a whole number, got ${seed}`);
  const started = performance.now();
  const collection = generateSampleSites(readShippedSampleInput(), { seed, year });
  try {
    writeFileSync(out, `${JSON.stringify(collection)}\n`);
  } catch (error) {
    throw new CliError(`cannot write "${out}" (${(error as NodeJS.ErrnoException).code ?? 'unwritable'})`);
  }
  console.log(
    JSON.stringify({
      year,
      seed,
      out,
      baseStations: collection.metadata.baseStations,
      sectors: collection.metadata.sectors,
      note: collection.metadata.note,
      elapsedMs: Math.round(performance.now() - started),
    }),
  );
  return 0;
}
