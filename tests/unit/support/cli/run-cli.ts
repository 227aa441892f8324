/**
 * The command line for tests, two ways. `runCliInProcess` calls the CLI's own main() in this process,
 * from another working directory, and captures what it prints: the same code path as a user's run
 * without paying a tsx start-up per case. `spawnCli` starts it as `npm run --silent cli --` does, for
 * the tests whose point is the process boundary (exit code, nothing else on stdout).
 */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { format } from 'node:util';
import { main } from '../../../../src/cli/main';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const MAIN = resolve('src/cli/main.ts');
const TSX = resolve('node_modules/.bin/tsx');

export function spawnCli(args: string[], cwd = tmpdir()): CliRun {
  const result = spawnSync(TSX, [MAIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
    timeout: 300_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One call at a time: the working directory and the console are the process's own. */
let queue: Promise<unknown> = Promise.resolve();

export function runCliInProcess(args: string[], cwd = tmpdir()): Promise<CliRun> {
  const run = queue.then(async () => {
    const output = { stdout: '', stderr: '' };
    const { log, error, warn, info } = console;
    const directory = process.cwd();
    console.log = (...parts: unknown[]) => {
      output.stdout += `${format(...parts)}\n`;
    };
    console.info = console.log;
    console.error = (...parts: unknown[]) => {
      output.stderr += `${format(...parts)}\n`;
    };
    console.warn = console.error;
    process.chdir(cwd);
    try {
      const code = await main(args);
      return { code, ...output };
    } finally {
      process.chdir(directory);
      Object.assign(console, { log, error, warn, info });
    }
  });
  queue = run.catch(() => undefined);
  return run;
}
