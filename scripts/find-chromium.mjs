// Locates a system Chromium for the end-to-end tests. Playwright's own browser download
// cannot run offline, so the tests drive Debian's `chromium` package.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter(Boolean);

/** The first existing Chromium executable, or undefined. */
export function findChromium() {
  return CANDIDATES.find((candidate) => existsSync(candidate));
}
