/**
 * Writes a benchmark's generated text into a document between `<!-- NAME:start -->` and
 * `<!-- NAME:end -->`, so figures in docs/ always come from a run of the benchmark, never by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** True when the markers were found and the text written. */
export function writeBetweenMarkers(documentPath: string, name: string, text: string): boolean {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const document = readFileSync(documentPath, 'utf8');
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from < 0 || to < from) return false;
  writeFileSync(documentPath, `${document.slice(0, from + start.length)}\n${text}\n${document.slice(to)}`);
  return true;
}
