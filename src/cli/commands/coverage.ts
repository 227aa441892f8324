import { CliError } from '../cli-error';

/** Placeholder until the coverage command lands; replace this file whole. */
export async function run(_args: string[]): Promise<number> {
  throw new CliError('the "coverage" command is not available in this build yet');
}
