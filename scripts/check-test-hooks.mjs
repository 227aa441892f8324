#!/usr/bin/env node
// Checks that the end-to-end test hooks (window.__e2e and the features' parts of it) are in an e2e build
// and absent from a production build, so users never get a handle on the whole store.
// Usage: node scripts/check-test-hooks.mjs <dist dir> absent|present
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Property names of the hook objects: minifiers keep property names, so these survive in a build that
// has the hooks. Each names something only a test hook defines.
export const HOOK_MARKERS = [
  '__e2e',
  'renderedPlannerSiteIds',
  'addGeneratedCandidates',
  'computeFinishedAt',
  'workerStats',
  'markerCount',
  'dotsOnMap',
];

const [dist = 'dist', expectation = 'absent'] = process.argv.slice(2);
if (expectation !== 'absent' && expectation !== 'present') {
  console.error('usage: node scripts/check-test-hooks.mjs <dist dir> absent|present');
  process.exit(2);
}
const assets = join(dist, 'assets');
if (!existsSync(assets)) {
  console.error(`check-test-hooks: ${assets} not found; build first.`);
  process.exit(1);
}
const found = new Map();
for (const file of readdirSync(assets).filter((name) => /\.(m?js)$/.test(name))) {
  const text = readFileSync(join(assets, file), 'utf8');
  for (const marker of HOOK_MARKERS)
    if (text.includes(marker)) found.set(marker, [...(found.get(marker) ?? []), file]);
}
if (expectation === 'absent' && found.size > 0) {
  console.error(`check-test-hooks: the ${dist} build contains test hooks:`);
  for (const [marker, files] of found) console.error(`  ${marker} in ${files.join(', ')}`);
  process.exit(1);
}
const missing = HOOK_MARKERS.filter((marker) => !found.has(marker));
if (expectation === 'present' && missing.length > 0) {
  console.error(`check-test-hooks: the ${dist} build lacks test hooks: ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`test hooks ${expectation} in ${dist} (${HOOK_MARKERS.length} markers checked)`);
