import { CliError } from '../cli-error';

/** Placeholder until the suggest command lands; replace this file whole. */
export async function run(_args: string[]): Promise<number> {
  throw new CliError('the "suggest" command is not available in this build yet');
}
