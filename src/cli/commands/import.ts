import { CliError } from '../cli-error';

/** Placeholder until the import command lands; replace this file whole. */
export async function run(_args: string[]): Promise<number> {
  throw new CliError('the "import" command is not available in this build yet');
}
