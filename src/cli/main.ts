/**
 * Command line over the domain code: `npm run --silent cli -- <command> [options]`. The commands and
 * their shared contract are in cli.ts.
 */
import { runCli } from './cli';

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
