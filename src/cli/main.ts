/**
 * Command line over the domain code: `npm run --silent cli -- <command> [options]`.
 * Each command lives in commands/<name>.ts and exports `run(args): Promise<number>` (the exit code).
 * Contract shared by all commands: success prints one JSON object on stdout and exits 0;
 * bad arguments or an unreadable file print a one-line error on stderr and exit 2, writing nothing.
 */
import { pathToFileURL } from 'node:url';
import { CliError } from './cli-error';

type CommandModule = { run: (args: string[]) => Promise<number>; usage?: string };

const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  pathloss: { summary: '3GPP TR 38.901 path loss for one link', load: () => import('./commands/pathloss') },
  coverage: {
    summary: 'city-wide coverage, statistics and gaps for a site file',
    load: () => import('./commands/coverage'),
  },
  import: {
    summary: 'read a site or pole list (CSV, Excel, GeoJSON, KML/KMZ, Shapefile)',
    load: () => import('./commands/import'),
  },
  suggest: { summary: 'choose new sites to close coverage gaps', load: () => import('./commands/suggest') },
  calibrate: {
    summary: 'compare the model with drive-test/MR measurements and fit corrections',
    load: () => import('./commands/calibrate'),
  },
  probe: {
    summary: 'exact RSRP, SINR and rate at points: every site reaching each one',
    load: () => import('./commands/probe'),
  },
  sample: {
    summary: 'write the 2020 or 2025 sample network (示意数据) as GeoJSON',
    load: () => import('./commands/sample'),
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return `usage: npm run --silent cli -- <command> [options]\n\ncommands:\n${lines.join('\n')}`;
}

/** Runs one command line and resolves to its exit code (exported so tests can run it in-process). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`error: unknown command "${name}" (known: ${Object.keys(COMMANDS).join(', ')})`);
    return 2;
  }
  try {
    const module = await command.load();
    if (module.usage !== undefined && args.some((arg) => arg === '--help' || arg === '-h')) {
      console.log(module.usage);
      return 0;
    }
    return await module.run(args);
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`error: ${error.message}`);
      return 2;
    }
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

// Run when started as a program (`tsx src/cli/main.ts`), not when a test imports main().
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
