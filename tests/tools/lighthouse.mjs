#!/usr/bin/env node
// Lighthouse (mobile, its default) on a few pages of a built site, in Debian's Chromium. Not part of
// `dotnet test`: a run takes a while and its performance score moves a little from run to run.
//
//   node lighthouse.mjs --root ../../output [--base-path /] [--headers ../../netlify.toml] [--page /works/ ...]
//
// Prints the four category scores of each page (0-100) and, under each score below 100, the audits that cost
// points. Exits 1 when any score is below --min (default 95), 2 when it could not run.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serve, readNetlifyHeaders, normaliseBasePath } from './lib/server.mjs';
import { chromiumPath, chromiumFlags, missingTool } from './lib/browser.mjs';

const args = { root: null, basePath: '/', headers: null, pages: [], min: 95 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--root') args.root = argv[++i];
  else if (a === '--base-path') args.basePath = argv[++i];
  else if (a === '--headers') args.headers = argv[++i];
  else if (a === '--page') args.pages.push(argv[++i]);
  else if (a === '--min') args.min = Number(argv[++i]);
  else { process.stderr.write(`lighthouse: unknown argument ${a}\n`); process.exit(2); }
}
if (!args.root) {
  process.stderr.write('usage: node lighthouse.mjs --root DIR [--base-path /sub/] [--headers netlify.toml] [--page /path/ ...] [--min 95]\n');
  process.exit(2);
}
if (args.pages.length === 0) args.pages = ['/', '/life/siberia/', '/works/', '/timeline/'];
const chromePath = chromiumPath();
if (!chromePath) missingTool('Chromium (/usr/bin/chromium)');

const server = await serve(args.root, {
  basePath: normaliseBasePath(args.basePath),
  headers: args.headers ? readNetlifyHeaders(args.headers) : [],
});
// chrome-launcher starts Chromium with a new, empty profile of its own and removes it when it is killed.
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: chromiumFlags, logLevel: 'silent' });
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
let low = 0;
try {
  for (const page of args.pages) {
    const url = server.origin + server.base + page.replace(/^\//, '');
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories });
    const scores = categories.map(c => [c, Math.round((lhr.categories[c].score ?? 0) * 100)]);
    process.stdout.write(`${page}  ${scores.map(([c, s]) => `${c} ${s}`).join('  ')}\n`);
    for (const [c, s] of scores) {
      if (s < args.min) low++;
      if (s === 100) continue;
      for (const ref of lhr.categories[c].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1)
          process.stdout.write(`    ${c}: ${ref.id} (${Math.round(audit.score * 100)}) ${audit.displayValue ?? ''} ${audit.title}\n`);
      }
    }
    if (lhr.runtimeError) process.stdout.write(`    runtime error: ${lhr.runtimeError.message}\n`);
  }
} finally {
  chrome.kill();
  await server.close();
}
process.exitCode = low === 0 ? 0 : 1;
