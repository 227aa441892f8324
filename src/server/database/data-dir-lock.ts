/**
 * PGlite is PostgreSQL inside one process: two processes opening the same data directory would
 * corrupt it. Whoever opens DATA_DIR (the server, or the command line adding a user) first takes this
 * lock file; a second opener is refused with a clear message while the first one's process lives.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'planner.lock';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock on `dataDir` (which must exist); returns the function that releases it. */
export function lockDataDir(dataDir: string, holder: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  try {
    const held = JSON.parse(readFileSync(path, 'utf8')) as { pid?: number; holder?: string };
    if (typeof held.pid === 'number' && held.pid !== process.pid && processAlive(held.pid)) {
      throw new Error(
        `${dataDir} is in use by ${held.holder ?? 'another process'} (pid ${held.pid}); stop it first — the embedded database serves one process at a time`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
  }
  writeFileSync(path, JSON.stringify({ pid: process.pid, holder }));
  return () => rmSync(path, { force: true });
}
