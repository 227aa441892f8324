/**
 * The two production builds the first-screen benchmark compares, each served by its own `vite preview`:
 * this checkout's (dist-bench/head) and the base commit's (dist-bench/base, built from a detached
 * worktree of FIRST_SCREEN_BASE, default 9b59f98 — the commit before issue #15's first-screen work).
 * Both are served by this checkout's Vite, so the server is the same for both.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const BASE_COMMIT = process.env.FIRST_SCREEN_BASE ?? '9b59f98';
const ROOT = resolve(import.meta.dirname, '../../..');
const BASE_TREE = process.env.FIRST_SCREEN_BASE_TREE ?? `/tmp/screen-base-${BASE_COMMIT}`;

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, CI: '' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
}

/** Builds this checkout and the base commit into dist-bench/{head,base}; returns their directories. */
export function buildBoth(): { head: string; base: string } {
  const head = resolve(ROOT, 'dist-bench/head');
  const base = resolve(ROOT, 'dist-bench/base');
  run('npx', ['vite', 'build', '--outDir', head, '--emptyOutDir', '--logLevel', 'warn'], ROOT);
  if (!existsSync(BASE_TREE)) run('git', ['worktree', 'add', '--detach', BASE_TREE, BASE_COMMIT], ROOT);
  if (!existsSync(resolve(BASE_TREE, 'node_modules'))) {
    // The same lock file: share this checkout's packages rather than install them again.
    const sameLock =
      readFileSync(resolve(BASE_TREE, 'package-lock.json'), 'utf8') ===
      readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8');
    if (sameLock) symlinkSync(resolve(ROOT, 'node_modules'), resolve(BASE_TREE, 'node_modules'));
    else run('npm', ['ci'], BASE_TREE);
  }
  // The base never changes: build it once per commit.
  const stamp = resolve(base, '.commit');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== BASE_COMMIT) {
    run('npx', ['vite', 'build', '--outDir', base, '--emptyOutDir', '--logLevel', 'warn'], BASE_TREE);
    writeFileSync(stamp, BASE_COMMIT);
  }
  return { head, base };
}

/** Serves a built directory on a port; resolves once it answers. */
export async function serve(directory: string, port: number): Promise<ChildProcess> {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', directory, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: ROOT, stdio: 'ignore', detached: true },
  );
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      if (response.ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  stop(server);
  throw new Error(`vite preview of ${directory} did not answer on port ${port}`);
}

/** Stops a server started by serve() (its process group: npx and vite). */
export function stop(server: ChildProcess): void {
  if (server.pid !== undefined) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
