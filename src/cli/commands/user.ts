/**
 * `user add --name N --password P --role city|district|viewer [--district ADCODE]
 *  [--data-dir DIR | --database-url URL]` adds a team-server user and prints it as JSON.
 * Without either flag it uses the server's own setting: DATABASE_URL if set, else DATA_DIR
 * (default .data/server). The embedded database serves one process: stop the server first.
 */
import { addUser, ROLES, type Role, UserError } from '../../server/auth/users';
import { DEFAULT_DATA_DIR, describeStorage } from '../../server/config';
import { openDatabase } from '../../server/database/database';
import { migrate } from '../../server/database/migrations';
import { loadDistricts } from '../../server/geo/geography';
import { choiceFlag, parseFlags, requireFlag } from '../arguments';
import { CliError } from '../cli-error';

const ADD_FLAGS = ['name', 'password', 'role', 'district', 'data-dir', 'database-url'] as const;

const USAGE_LINE = `usage: npm run --silent cli -- user add --name N --password P --role ${ROLES.join('|')} [--district ADCODE] [--data-dir DIR | --database-url URL]`;

export const usage = `${USAGE_LINE}

Adds a team-server user and prints it as JSON. A district planner needs --district (its adcode).
Without --data-dir or --database-url it uses the server's own setting: DATABASE_URL if set, else
DATA_DIR (default .data/server). The embedded database serves one process: stop the server first.
  --help    print this help`;

export async function run(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'add') throw new CliError(USAGE_LINE);
  const flags = parseFlags(rest, ADD_FLAGS);
  if (flags.has('data-dir') && flags.has('database-url'))
    throw new CliError('give --data-dir or --database-url, not both');
  const user = {
    name: requireFlag(flags, 'name'),
    password: requireFlag(flags, 'password'),
    role: choiceFlag<Role>(flags, 'role', ROLES),
    district: flags.get('district'),
  };
  const storage = flags.has('data-dir')
    ? { dataDir: flags.get('data-dir')!, databaseUrl: undefined }
    : {
        dataDir: process.env.DATA_DIR || DEFAULT_DATA_DIR,
        databaseUrl: flags.get('database-url') ?? (process.env.DATABASE_URL || undefined),
      };
  const { districts } = loadDistricts();
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(storage, 'the command line (user add)');
  } catch (error) {
    throw new CliError(
      `cannot open ${describeStorage(storage)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    await migrate(database);
    const added = await addUser(database, user, new Set(districts.keys()));
    console.log(
      JSON.stringify({
        user: { name: added.name, role: added.role, district: added.district },
        storage: describeStorage(storage),
      }),
    );
    return 0;
  } catch (error) {
    if (error instanceof UserError) throw new CliError(error.message);
    throw error;
  } finally {
    await database.close();
  }
}
