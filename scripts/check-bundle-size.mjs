#!/usr/bin/env node
// Measures the first-load JavaScript of the built app (gzip, data files excluded) and fails over the
// budget. First-load = the entry script(s) and modulepreloads named in dist/index.html. The MapLibre
// worker and CSS are printed for information; the worker starts in parallel and is not on the
// critical path of the entry chunk. Run after `vite build`: node scripts/check-bundle-size.mjs
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// 400 KB until 2026-12-04, when the radio, calibration, team and import-check panels together took the
// entry chunk to 403 KB; raised to 410 KB then, with bringing it back under 400 KB left to issue #15
// (first screen), which moves the data path out of the entry chunk anyway.
const BUDGET_KB = 410;
const dist = process.argv[2] ?? 'dist';
const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error(`check-bundle-size: ${indexPath} not found; run \`npx vite build\` first.`);
  process.exit(1);
}
const html = readFileSync(indexPath, 'utf8');
const references = [
  ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
].map((match) => match[1]);
const entryFiles = [...new Set(references)].filter((href) => href.endsWith('.js') || href.endsWith('.mjs'));
if (entryFiles.length === 0) {
  console.error('check-bundle-size: no entry script found in dist/index.html');
  process.exit(1);
}
const gzipKb = (path) => gzipSync(readFileSync(path), { level: 9 }).length / 1024;
let totalKb = 0;
for (const href of entryFiles) {
  const kb = gzipKb(join(dist, href.replace(/^\//, '')));
  totalKb += kb;
  console.log(`  ${href}  ${kb.toFixed(1)} KB gzip`);
}
for (const match of html.matchAll(/href="(\/assets\/[^"]+\.css)"/g)) {
  console.log(
    `  (css, not counted) ${match[1]}  ${gzipKb(join(dist, match[1].slice(1))).toFixed(1)} KB gzip`,
  );
}
for (const file of readdirSync(join(dist, 'assets')).filter((name) => name.includes('worker'))) {
  console.log(
    `  (worker, not counted) /assets/${file}  ${gzipKb(join(dist, 'assets', file)).toFixed(1)} KB gzip`,
  );
}
console.log(`first-load JavaScript: ${totalKb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`);
if (totalKb > BUDGET_KB) {
  console.error(`check-bundle-size: over budget by ${(totalKb - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
