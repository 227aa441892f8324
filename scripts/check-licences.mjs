#!/usr/bin/env node
// Checks the built third-party licence file (written by scripts/third-party-licences.ts): it is there,
// and it lists maplibre-gl and React — the two largest packages users run — each with its version and
// its full licence text, word for word as the installed package ships it.
// Usage: node scripts/check-licences.mjs <dist dir>
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dist = 'dist'] = process.argv.slice(2);
const path = join(dist, 'third-party-licences.txt');
if (!existsSync(path)) {
  console.error(`check-licences: ${path} not found; the build ships no licence file.`);
  process.exit(1);
}
const shipped = readFileSync(path, 'utf8');
const problems = [];
for (const [name, licenceFile] of [
  ['maplibre-gl', 'LICENSE.txt'],
  ['react', 'LICENSE'],
  ['react-dom', 'LICENSE'],
]) {
  const { version, license } = JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8'));
  const heading = `\n${name} ${version} — ${license}\n`;
  const start = shipped.indexOf(heading);
  if (start < 0) {
    problems.push(`${name} ${version} (${license}) is not listed`);
    continue;
  }
  const nextSection = shipped.indexOf(`\n${'='.repeat(80)}\n`, start);
  const section = shipped.slice(start, nextSection < 0 ? undefined : nextSection);
  const text = readFileSync(join('node_modules', name, licenceFile), 'utf8').trim();
  if (!section.includes(text)) problems.push(`${name}'s licence text (${licenceFile}) is missing or altered`);
}
if (/\n[^\n]+ — [^\n]*\bA?GPL/.test(shipped)) problems.push('a GPL-licensed package is listed');
if (problems.length > 0) {
  console.error(`check-licences: ${path}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-licences: ${path} lists maplibre-gl, react and react-dom with their licence texts.`);
