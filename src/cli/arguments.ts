/** Minimal `--name value` parsing for the CLI commands; every mistake becomes a one-line CliError. */
import { CliError } from './cli-error';

/** Parse `--name value` pairs, accepting only the given names; repeated or unknown flags are errors. */
export function parseFlags(args: readonly string[], allowed: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let index = 0; index < args.length; index += 2) {
    const name = args[index]!;
    if (!name.startsWith('--'))
      throw new CliError(`unexpected argument "${name}" (flags look like --name value)`);
    const key = name.slice(2);
    if (!allowed.includes(key)) {
      throw new CliError(
        `unknown option ${name} (known: ${allowed.map((flag) => `--${flag}`).join(', ')}; see --help)`,
      );
    }
    const value = args[index + 1];
    if (value === undefined || (value.startsWith('--') && !/^--?\d/.test(value))) {
      throw new CliError(`option ${name} needs a value`);
    }
    if (flags.has(key)) throw new CliError(`option ${name} given twice`);
    flags.set(key, value);
  }
  return flags;
}

/** A required flag's value. */
export function requireFlag(flags: Map<string, string>, name: string): string {
  const value = flags.get(name);
  if (value === undefined) throw new CliError(`missing required option --${name}`);
  return value;
}

/** A flag as a finite number within [min, max]; undefined when absent and no default is given. */
export function numberFlag(
  flags: Map<string, string>,
  name: string,
  range: { min: number; max: number },
  fallback?: number,
): number {
  const raw = flags.get(name);
  if (raw === undefined) {
    if (fallback === undefined) throw new CliError(`missing required option --${name}`);
    return fallback;
  }
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value))
    throw new CliError(`--${name} must be a number, got "${raw}"`);
  if (value < range.min || value > range.max) {
    throw new CliError(`--${name} must be between ${range.min} and ${range.max}, got ${value}`);
  }
  return value;
}

/** A flag restricted to a list of choices. */
export function choiceFlag<T extends string>(
  flags: Map<string, string>,
  name: string,
  choices: readonly T[],
  fallback?: T,
): T {
  const raw = flags.get(name) ?? fallback;
  if (raw === undefined) throw new CliError(`missing required option --${name} (${choices.join('|')})`);
  if (!(choices as readonly string[]).includes(raw)) {
    throw new CliError(`--${name} must be one of ${choices.join('|')}, got "${raw}"`);
  }
  return raw as T;
}

/**
 * Like parseFlags, but the names in `repeatable` may be given several times (their values are kept in
 * order); every other flag at most once.
 */
export function parseFlagLists(
  args: readonly string[],
  allowed: readonly string[],
  repeatable: readonly string[],
): Map<string, string[]> {
  const flags = new Map<string, string[]>();
  for (let index = 0; index < args.length; index += 2) {
    const name = args[index]!;
    if (!name.startsWith('--'))
      throw new CliError(`unexpected argument "${name}" (flags look like --name value)`);
    const key = name.slice(2);
    if (!allowed.includes(key)) {
      throw new CliError(`unknown option ${name} (known: ${allowed.map((flag) => `--${flag}`).join(', ')})`);
    }
    const value = args[index + 1];
    if (value === undefined || (value.startsWith('--') && !/^--?\d/.test(value))) {
      throw new CliError(`option ${name} needs a value`);
    }
    const values = flags.get(key) ?? [];
    if (values.length > 0 && !repeatable.includes(key)) throw new CliError(`option ${name} given twice`);
    values.push(value);
    flags.set(key, values);
  }
  return flags;
}

/** The single values of a parseFlagLists result (for numberFlag and choiceFlag). */
export function singleValues(flags: Map<string, string[]>): Map<string, string> {
  return new Map([...flags].map(([name, values]) => [name, values[0]!]));
}
