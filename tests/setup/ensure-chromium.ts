import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from '../build/helpers/browser.ts';

/**
 * Vitest global setup: the build and browser tests drive Debian's Chromium, which Playwright
 * cannot download here. On a fresh machine where we are root, install it once before any test
 * starts; otherwise say exactly what is missing instead of failing inside a test.
 */
export default function ensureChromium(): void {
  if (existsSync(chromiumPath)) return;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.CHROMIUM_PATH;
  if (!canInstall) {
    throw new Error(`Chromium not found at ${chromiumPath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  console.log('Chromium is missing: installing Debian chromium (apt-get) for the browser tests');
  const apt = { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } } as const;
  execFileSync('apt-get', ['update'], apt);
  execFileSync('apt-get', ['install', '-y', 'chromium', 'fonts-dejavu-core'], apt);
}
