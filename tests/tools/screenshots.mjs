#!/usr/bin/env node
// Screenshots of a built site in Debian's Chromium, to look at by eye (not a test):
//
//   node screenshots.mjs --root output --out /tmp/screens [--base-path /] [--full] [--page /timeline/ ...]
//
// Takes each page at 375 and 1280 CSS px wide, in the light and the dark colour scheme, and writes
// NAME-WIDTH-SCHEME.png into --out. Without --page it takes the home page and the timeline. --full takes the
// whole page in one picture; --slices takes the whole page as a series of screen-sized pictures (-01, -02, …).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { serve, normaliseBasePath } from './lib/server.mjs';
import { launchChromium } from './lib/browser.mjs';

const args = { root: null, out: null, basePath: '/', pages: [], full: false, slices: false, widths: [375, 1280] };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--root') args.root = argv[++i];
  else if (a === '--out') args.out = argv[++i];
  else if (a === '--base-path') args.basePath = argv[++i];
  else if (a === '--page') args.pages.push(argv[++i]);
  else if (a === '--width') (args.widthsGiven ??= []).push(parseInt(argv[++i], 10));
  else if (a === '--full') args.full = true;
  else if (a === '--slices') args.slices = true;
  else { process.stderr.write(`screenshots: unknown argument ${a}\n`); process.exit(2); }
}
if (!args.root || !args.out) {
  process.stderr.write('usage: node screenshots.mjs --root DIR --out DIR [--base-path /sub/] [--page /path/ ...] [--width N ...] [--full | --slices]\n');
  process.exit(2);
}
if (args.widthsGiven) args.widths = args.widthsGiven;
if (args.pages.length === 0) args.pages = ['/', '/timeline/'];

mkdirSync(args.out, { recursive: true });
const server = await serve(args.root, { basePath: normaliseBasePath(args.basePath) });
const browser = await launchChromium();
const tab = await browser.context.newPage();
try {
  for (const page of args.pages) {
    const name = page.replace(/^\/|\/$/g, '').replace(/\//g, '-') || 'home';
    for (const width of args.widths) {
      for (const scheme of ['light', 'dark']) {
        await tab.setViewportSize({ width, height: width < 600 ? 812 : 900 });
        await tab.emulateMedia({ colorScheme: scheme });
        await tab.goto(server.origin + server.base + page.replace(/^\//, ''), { waitUntil: 'load' });
        if (args.slices) {
          const { height } = tab.viewportSize();
          const total = await tab.evaluate(() => document.documentElement.scrollHeight);
          for (let y = 0, n = 1; y < total; y += height, n++) {
            const file = path.join(args.out, `${name}-${width}-${scheme}-${String(n).padStart(2, '0')}.png`);
            await tab.screenshot({ path: file, fullPage: true, clip: { x: 0, y, width, height: Math.min(height, total - y) } });
            process.stdout.write(file + '\n');
          }
        } else {
          const file = path.join(args.out, `${name}-${width}-${scheme}.png`);
          await tab.screenshot({ path: file, fullPage: args.full });
          process.stdout.write(file + '\n');
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
