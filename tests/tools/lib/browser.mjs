// Debian's Chromium, driven by playwright-core: never a browser download. Started with a fresh profile and
// with every background connection switched off; host names other than 127.0.0.1 do not resolve at all, so
// nothing a page asks of another host can leave the machine.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const INSTALL_HINT = 'run `dotnet test` once as root: it installs Debian\'s chromium, a JRE and the npm packages of tests/tools (or by hand: `apt-get install chromium default-jre-headless` and `cd tests/tools && npm ci --ignore-scripts`)';

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find(p => existsSync(p)) ?? null;
}

export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** Stops the process with status 2 and the install hint when a tool is missing. */
export function missingTool(what) {
  process.stderr.write(`check-site: ${what} is missing: ${INSTALL_HINT}\n`);
  process.exit(2);
}

/**
 * Launches Chromium with a new, empty --user-data-dir (removed again by close()).
 * Returns { context, close } where context is a playwright BrowserContext.
 */
export async function launchChromium() {
  let playwright;
  try {
    playwright = await import('playwright-core');
  } catch {
    missingTool('the npm package playwright-core (tests/tools/node_modules)');
  }
  const executablePath = chromiumPath();
  if (!executablePath) missingTool('Chromium (/usr/bin/chromium)');
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'ks-chromium-'));
  const context = await playwright.chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: chromiumFlags,
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
