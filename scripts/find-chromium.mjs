// Playwright here uses the system Chromium; `npx playwright install` cannot download.
import { existsSync } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** @returns {string | null} the browser Playwright will launch, or null when there is none. */
export function findChromium() {
  const candidate = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
  return existsSync(candidate) ? candidate : null;
}

export const HOW_TO_GET_CHROMIUM =
  `No Chromium found at ${process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM}. Install one: ` +
  '`sudo apt-get install -y chromium` (Debian/Ubuntu), or `npx playwright install chromium` where downloads ' +
  'are allowed and then set CHROMIUM_PATH to its executable.';
