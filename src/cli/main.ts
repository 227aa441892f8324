/**
 * Command line over the domain code: `npm run --silent cli -- <command> [options]`.
 * Each command lives in commands/<name>.ts and exports `run(args): Promise<number>` (the exit code).
 * Contract shared by all commands: success prints one JSON object on stdout and exits 0;
 * bad arguments or an unreadable file print a one-line error on stderr and exit 2, writing nothing.
 */
import { CliError } from './cli-error';

type CommandModule = { run: (args: string[]) => Promise<number> };

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
  user: {
    summary: 'add a team-server user (user add --name N --password P --role …)',
    load: () => import('./commands/user'),
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return `usage: npm run --silent cli -- <command> [options]\n\ncommands:\n${lines.join('\n')}`;
}

async function main(argv: string[]): Promise<number> {
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
    return await (await command.load()).run(args);
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`error: ${error.message}`);
      return 2;
    }
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
