/**
 * The docs name files so a reader lands in the right place: every `src/…` path mentioned in docs/*.md
 * (and the README) must exist. A moved or renamed file fails this test until the docs follow.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOCS = [
  ...readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs', name)),
  'README.md',
];

/** `src/...` paths in a text: a file, a folder (ending in /) or a glob (`src/app/features/suggest*.ts`). */
function sourcePathsIn(text: string): string[] {
  const paths = text.match(/(?<![\w./-])src\/[\w./*-]*[\w/]/g) ?? [];
  return [...new Set(paths.map((path) => path.replace(/\.$/, '')))];
}

/** A path exists, or for a glob, at least one file in its folder matches it. */
function exists(path: string): boolean {
  if (!path.includes('*')) return existsSync(path);
  const folder = dirname(path);
  const pattern = new RegExp(`^${basename(path).replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
  return existsSync(folder) && readdirSync(folder).some((name) => pattern.test(name));
}

describe('paths named in the docs', () => {
  it('finds the paths a doc names, files and folders', () => {
    expect(
      sourcePathsIn('see `src/state/store.ts`, the folder src/domain/propagation/ and src/app/main.tsx.'),
    ).toEqual(['src/state/store.ts', 'src/domain/propagation/', 'src/app/main.tsx']);
    expect(exists('src/app/features/suggest*.ts')).toBe(true);
    expect(exists('src/app/features/nothing*.ts')).toBe(false);
    expect(exists('src/state/no-such-file.ts')).toBe(false);
  });

  it('docs/data-flow.md names at least 40 source files', () => {
    expect(sourcePathsIn(readFileSync('docs/data-flow.md', 'utf8')).length).toBeGreaterThanOrEqual(40);
  });

  for (const doc of DOCS) {
    it(`every src/ path in ${doc} exists`, () => {
      const missing = sourcePathsIn(readFileSync(doc, 'utf8')).filter((path) => !exists(path));
      expect(missing).toEqual([]);
    });
  }
});
