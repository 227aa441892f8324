import { CliError } from '../cli-error';

/** Placeholder until the pathloss command lands; replace this file whole. */
export async function run(_args: string[]): Promise<number> {
  throw new CliError('the "pathloss" command is not available in this build yet');
}
