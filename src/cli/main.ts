/**
 * Command line over the domain code: `npm run --silent cli -- <command> [options]`. The commands and
 * their shared contract are in cli.ts.
 */
import { pathToFileURL } from 'node:url';
import { runCli } from './cli';

/** Runs one command line and resolves to its exit code (exported so tests can run it in-process). */
export const main = runCli;

// Run when started as a program (`tsx src/cli/main.ts`), not when a test imports main().
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
