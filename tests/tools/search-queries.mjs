#!/usr/bin/env node
// Runs queries through a built site's search page in Debian's Chromium, the way a reader does, and prints what
// each found, as JSON:
//
//   node search-queries.mjs --root output --queries queries.json [--base-path /kropotkin/] [--headers netlify.toml]
//
// queries.json is a list of { "text": "...", "how": "url" | "type" }: "url" opens /search/?q=text, "type" types
// the text key by key into the search page's field (with prefix matching as the reader types). For each query
// it reports the addresses of the results in order, the status line, the milliseconds from asking to results
// and the bytes fetched meanwhile. It also reports what the Content-Security-Policy blocked, console errors and
// requests to other hosts. Exit status 0 when it ran (whatever was found), 1 when something was blocked or
// failed, 2 when it could not run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serve, readNetlifyHeaders, normaliseBasePath } from './lib/server.mjs';
import { launchChromium } from './lib/browser.mjs';

function parseArgs(argv) {
  const args = { root: null, basePath: '/', headers: null, queries: null };
  for (let i = 0; i < argv.length; i++) {
    const value = () => argv[++i];
    if (argv[i] === '--root') args.root = value();
    else if (argv[i] === '--base-path') args.basePath = value();
    else if (argv[i] === '--headers') args.headers = value();
    else if (argv[i] === '--queries') args.queries = value();
    else { process.stderr.write(`search-queries: unknown argument ${argv[i]}\n`); process.exit(2); }
  }
  if (!args.root || !args.queries) {
    process.stderr.write('usage: node search-queries.mjs --root DIR --queries FILE [--base-path /sub/] ' +
      '[--headers netlify.toml]\n');
    process.exit(2);
  }
  return args;
}

const cspRecorder = () => {
  window.__ksCsp = [];
  document.addEventListener('securitypolicyviolation', e => {
    window.__ksCsp.push({
      directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber,
    });
  });
};

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const queries = JSON.parse(readFileSync(args.queries, 'utf8'));
  const base = normaliseBasePath(args.basePath);
  const headers = args.headers ? readNetlifyHeaders(args.headers) : [];
  const server = await serve(path.resolve(args.root), { basePath: base, headers });
  const browser = await launchChromium();
  const problems = [];
  await browser.context.addInitScript(cspRecorder);
  await browser.context.route('**/*', route => {
    if (new URL(route.request().url()).origin === server.origin) return route.continue();
    problems.push({ kind: 'external-request', url: route.request().url() });
    return route.abort('blockedbyclient');
  });
  const tab = await browser.context.newPage();
  tab.on('console', msg => {
    if (msg.type() === 'error') problems.push({ kind: 'console-error', message: msg.text() });
  });
  tab.on('pageerror', err => problems.push({ kind: 'page-error', message: String(err) }));
  let bytes = 0;
  tab.on('requestfinished', async request => {
    const sizes = await request.sizes().catch(() => null);
    if (sizes) bytes += sizes.responseBodySize;
  });

  const searchUrl = server.baseUrl + 'search/';
  const finished = (text, timeout) => tab.waitForFunction(
    q => document.getElementById('search-results')?.dataset.query === q, text, { timeout })
    .then(() => true, () => false);
  const top = () => tab.evaluate(() => ({
    hrefs: [...document.querySelectorAll('#search-results li > a')].map(a => a.getAttribute('href')),
    titles: [...document.querySelectorAll('#search-results li > a')].map(a => a.textContent),
    marks: [...document.querySelectorAll('#search-results li:first-child mark')].map(m => m.textContent),
    status: document.getElementById('search-status')?.textContent ?? '',
  }));
  const collectCsp = async () => {
    const blocked = await tab.evaluate(() => window.__ksCsp || []).catch(() => []);
    for (const c of blocked) problems.push({ kind: 'csp-violation', ...c });
  };

  const results = [];
  let onSearchPage = false;
  for (const { text, how } of queries) {
    bytes = 0;
    const started = Date.now();
    if (how === 'type') {
      if (!onSearchPage) {
        await tab.goto(searchUrl, { waitUntil: 'load' });
        onSearchPage = true;
      }
      await tab.fill('#search-query', '');
      await tab.type('#search-query', text);
    } else {
      await collectCsp();
      await tab.goto(searchUrl + '?q=' + encodeURIComponent(text), { waitUntil: 'commit' });
      onSearchPage = true;
    }
    const typedAt = Date.now();
    const done = await finished(text, 10000);
    const ms = Date.now() - (how === 'type' ? typedAt : started);
    const found = await top().catch(() => ({ hrefs: [], titles: [], marks: [], status: '' }));
    results.push({ text, how, done, ms, bytes, ...found });
  }
  await collectCsp();
  await browser.close();
  await server.close();
  process.stdout.write(JSON.stringify({ basePath: base, results, problems }, null, 2) + '\n');
  process.exitCode = problems.length > 0 || results.some(r => !r.done) ? 1 : 0;
}

main().catch(e => {
  process.stderr.write(`search-queries: could not run: ${e && e.stack || e}\n`);
  process.exit(2);
});
