#!/usr/bin/env node
// Measures what a phone's first screen shows of some pages of a built site, in Debian's Chromium:
//
//   node first-screen.mjs --root output [--base-path /] [--width 390] [--height 844] --page / --page /works/ ...
//
// For each page (light colour scheme, the given viewport) it prints the height of the site header and where the
// first paragraph of the page's text starts: the first <p> in <main> that is the page's own text (not inside a
// navigation, a contents box, an aside or a list of facts, and not a label such as "Exile · 2 of 5"). One JSON
// object: { viewport: {width, height}, pages: [{ page, header, paragraphTop, paragraph }] }; exit 0, or 2 when it
// could not run.
import { serve, normaliseBasePath } from './lib/server.mjs';
import { launchChromium } from './lib/browser.mjs';

const args = { root: null, basePath: '/', width: 390, height: 844, pages: [] };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--root') args.root = argv[++i];
  else if (a === '--base-path') args.basePath = argv[++i];
  else if (a === '--width') args.width = parseInt(argv[++i], 10);
  else if (a === '--height') args.height = parseInt(argv[++i], 10);
  else if (a === '--page') args.pages.push(argv[++i]);
  else { process.stderr.write(`first-screen: unknown argument ${a}\n`); process.exit(2); }
}
if (!args.root || args.pages.length === 0) {
  process.stderr.write('usage: node first-screen.mjs --root DIR [--base-path /sub/] [--width N] [--height N] --page /path/ ...\n');
  process.exit(2);
}

const server = await serve(args.root, { basePath: normaliseBasePath(args.basePath) });
const browser = await launchChromium();
const results = [];
try {
  const tab = await browser.context.newPage();
  await tab.setViewportSize({ width: args.width, height: args.height });
  await tab.emulateMedia({ colorScheme: 'light' });
  for (const page of args.pages) {
    await tab.goto(server.origin + server.base + page.replace(/^\//, ''), { waitUntil: 'load' });
    results.push({ page, ...await tab.evaluate(() => {
      const header = document.querySelector('body > header');
      const isOwnText = p => !p.closest('nav, details, aside, dl, figure, .whereabouts, .start-reading, .visually-hidden')
        && p.textContent.trim().length > 0;
      const paragraph = [...document.querySelectorAll('main p')].find(isOwnText);
      return {
        header: header ? header.getBoundingClientRect().height : null,
        paragraphTop: paragraph ? paragraph.getBoundingClientRect().top + window.scrollY : null,
        paragraph: paragraph ? paragraph.textContent.trim().slice(0, 60) : null,
      };
    }) });
  }
} finally {
  await browser.close();
  await server.close();
}
process.stdout.write(JSON.stringify({ viewport: { width: args.width, height: args.height }, pages: results }, null, 2) + '\n');
