/** An error the user caused (bad argument, unreadable file): printed as one line, exit code 2. */
export class CliError extends Error {
  override name = 'CliError';
}
