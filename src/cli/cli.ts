/**
 * The command registry and dispatcher behind `npm run --silent cli -- <command> [options]`, callable
 * in-process (tests) as well as from main.ts. Each command lives in commands/<name>.ts and exports
 * `usage` (its help text) and `run(args): Promise<number>` (the exit code).
 * Contract shared by all commands: success prints one JSON object on stdout and exits 0;
 * `--help` (or `-h`) prints the command's usage on stdout and exits 0; bad arguments or an unreadable
 * file print a one-line error on stderr and exit 2, writing nothing.
 */
import { CliError } from './cli-error';

export interface CommandModule {
  usage: string;
  run: (args: string[]) => Promise<number>;
}

const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  pathloss: { summary: '3GPP TR 38.901 path loss for one link', load: () => import('./commands/pathloss') },
  coverage: {
    summary: 'city-wide coverage, statistics and gaps for a site file',
    load: () => import('./commands/coverage'),
  },
  import: {
    summary: 'read a site or pole list (CSV, Excel, GeoJSON, KML/KMZ, Shapefile, GeoPackage)',
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
  user: {
    summary: 'add a team-server user (user add --name N --password P --role …)',
    load: () => import('./commands/user'),
  },
};

/** The names of the commands, in the order `--help` lists them. */
export const COMMAND_NAMES = Object.keys(COMMANDS);

function generalUsage(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return [
    'usage: npm run --silent cli -- <command> [options]',
    '',
    'commands:',
    ...lines,
    '',
    "Run `npm run --silent cli -- <command> --help` for a command's options.",
  ].join('\n');
}

const isHelp = (arg: string) => arg === '--help' || arg === '-h';

/** Runs one command line (without the program name); resolves with the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || isHelp(name) || name === 'help') {
    const wanted = name === 'help' ? args[0] : undefined;
    if (wanted && COMMANDS[wanted]) {
      console.log((await COMMANDS[wanted].load()).usage);
      return 0;
    }
    // No command at all is a mistake (exit 2); asking for help is not.
    if (!name) {
      console.error(generalUsage());
      return 2;
    }
    console.log(generalUsage());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`error: unknown command "${name}" (known: ${COMMAND_NAMES.join(', ')}; try --help)`);
    return 2;
  }
  try {
    const module = await command.load();
    if (args.some(isHelp)) {
      console.log(module.usage);
      return 0;
    }
    return await module.run(args);
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`error: ${oneLine(error.message)}`);
      return 2;
    }
    // Not the user's fault: still one line, never a stack trace.
    console.error(`error: ${oneLine(error instanceof Error ? error.message : String(error))}`);
    return 1;
  }
}

/** Messages are one line: a file name or a value with line breaks must not split them. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').slice(0, 2000);
}
