import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { chromiumPath } from '../config/readConfig.js';
import { reportSkip } from './reportSkip.js';

const executablePath = chromiumPath();

/** Whether browser tests can run here; when not, says why once, so they skip visibly. */
export const chromiumAvailable = existsSync(executablePath);
if (!chromiumAvailable)
  reportSkip(
    'browser',
    `no Chromium at ${executablePath} (apt-get install -y chromium, or set CANON_CHROMIUM)`,
  );

/** Debian's Chromium, headless, with the flags these machines need. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
  });
}
