#!/usr/bin/env node
// Asks KropotkinSite's search and Pagefind the same queries on the same built site, in Debian's Chromium, and
// prints what each found and what it cost (bench/search.sh runs it; see the README's Benchmark section):
//
//   node compare.mjs --ours DIR --pagefind DIR (--queries FILE | --pick N) [--headers netlify.toml] [--json FILE]
//                    [--label TEXT --ours-build-ms MS --pagefind-build-ms MS]
//
// It prints one Markdown table row per engine (see bench/search.sh for the head) and, with --json, writes the
// details (per query: bytes and milliseconds; the queries each engine missed).
// --ours is our build's output; --pagefind a copy of it that `pagefind --site` indexed. Ours is served with
// netlify.toml's headers (its strict CSP) and asked through its own page, /search/, by setting the field and
// firing an input event, as typing does. Pagefind cannot run under that CSP (WebAssembly), so its copy is served
// without it, and asked through its JS API (pagefind.search, then data() of the results shown): the work its UI
// does for a query, without the UI. Both show 10 results. Each engine gets a fresh browser profile; its script
// (and whatever the engine fetches as the page opens) is loaded before the first query, and counted with it.
// Bytes are response bodies as served (no HTTP compression: each engine's files are as its build wrote them).
// Times are measured in the page from the query: to the results listed (ours: the ranked titles, links and
// sections, shown at once; Pagefind: its ten results' data, excerpts included) and to every excerpt shown (ours:
// each is added as its page's file comes; Pagefind: the same time as the first).
//
// --queries FILE: tests/KropotkinSite.Tests/Browser/search-queries.json (each query as written and as typed
// plainly); --pick N: N queries picked from the site itself, the <h1> of every k-th page of four words or more,
// expecting that page.
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const tools = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../tests/tools');
const { serve, readNetlifyHeaders } = await import(path.join(tools, 'lib/server.mjs'));
const { launchChromium } = await import(path.join(tools, 'lib/browser.mjs'));

const SHOWN = 10;
const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];

function htmlFiles(root) {
  const found = [];
  const walk = dir => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) { if (name !== 'pagefind' && name !== 'search') walk(full); }
      else if (name === 'index.html') found.push(full);
    }
  };
  walk(root);
  return found;
}

function queries() {
  if (args.queries) {
    const list = JSON.parse(readFileSync(args.queries, 'utf8'));
    // Every query as written, then every one typed plainly (their terms are fetched already by then).
    return [
      ...list.map(q => ({ text: q.query, expected: q.expected })),
      ...list.map(q => ({ text: q.plain, expected: q.expected })),
    ];
  }
  const decode = s => s.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"').trim();
  const pages = htmlFiles(args.ours).map(file => {
    const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(readFileSync(file, 'utf8'));
    const url = '/' + path.relative(args.ours, path.dirname(file)).split(path.sep).join('/') + '/';
    return { text: h1 ? decode(h1[1]) : '', expected: url.replace('//', '/') };
  }).filter(p => p.text.split(/\s+/).length >= 4 && p.expected.split('/').length > 3);
  const n = Number(args.pick);
  const step = Math.max(1, Math.floor(pages.length / n));
  return Array.from({ length: Math.min(n, pages.length) }, (_, i) => pages[i * step]);
}

function folderBytes(dir, accept = () => true) {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const s = statSync(full);
    if (s.isDirectory()) total += folderBytes(full, accept);
    else if (accept(full)) total += s.size;
  }
  return total;
}

async function runEngine(name, root, headers, prepare, ask) {
  const server = await serve(root, { headers });
  const browser = await launchChromium();
  const tab = await browser.context.newPage();
  const problems = [];
  tab.on('pageerror', e => problems.push(String(e)));
  let bytes = 0;
  const pending = new Set();
  tab.on('requestfinished', request => {
    const p = request.sizes().then(s => { bytes += s.responseBodySize; }, () => {});
    pending.add(p);
    p.finally(() => pending.delete(p));
  });
  const settle = async () => { await new Promise(r => setTimeout(r, 50)); await Promise.all([...pending]); };
  await prepare(tab, server.baseUrl);
  await settle();
  const pageBytes = bytes; // the HTML and stylesheet of the page: not part of search
  bytes = 0;
  await tab.evaluate(() => 0);
  // The engine's files fetched as the page opened (ours: its script and its meta file; Pagefind: whatever its
  // import fetched), counted with the first query.
  const engineBytes = await tab.evaluate(() => performance.getEntriesByType('resource')
    .filter(e => /search\.[0-9a-f]+\.js$|\/search\/[^/?]*\.bin$|\/pagefind\//.test(e.name))
    .reduce((n, e) => n + e.encodedBodySize, 0));
  const rows = [];
  for (const q of queries()) {
    bytes = 0;
    const found = await ask(tab, q.text);
    await settle();
    rows.push({ ...q, ms: found.ms, allMs: found.allMs ?? found.ms, hrefs: found.hrefs, bytes });
  }
  rows[0].bytes += engineBytes;
  await browser.close();
  await server.close();
  return { name, rows, problems, pageBytes };
}

const ours = await runEngine('KropotkinSite', args.ours, args.headers ? readNetlifyHeaders(args.headers) : [],
  async (tab, base) => { await tab.goto(base + 'search/', { waitUntil: 'load' }); },
  (tab, text) => tab.evaluate(async q => {
    const input = document.getElementById('search-query');
    const results = document.getElementById('search-results');
    // data-listed: the list is shown; data-query: every excerpt is in too (theme/assets/search.js).
    let listedMs;
    const shown = new Promise(resolve => {
      const watch = new MutationObserver(() => {
        if (listedMs === undefined && results.dataset.listed === q) listedMs = performance.now() - started;
        if (results.dataset.query === q) { watch.disconnect(); resolve(); }
      });
      watch.observe(results, { attributes: true, attributeFilter: ['data-listed', 'data-query'] });
    });
    const started = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input'));
    await shown;
    const allMs = performance.now() - started;
    const hrefs = [...results.querySelectorAll('li > a')].map(a => a.getAttribute('href'));
    return { ms: listedMs ?? allMs, allMs, hrefs };
  }, text));

writeFileSync(path.join(args.pagefind, 'pagefind-bench.html'),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pagefind bench</title></head>' +
  '<body><p>Pagefind bench</p></body></html>\n');
const pagefind = await runEngine('Pagefind 1.6.0', args.pagefind, [],
  async (tab, base) => {
    await tab.goto(base + 'pagefind-bench.html', { waitUntil: 'load' });
    await tab.evaluate(async () => { window.pagefind = await import('/pagefind/pagefind.js'); });
  },
  (tab, text) => tab.evaluate(async ({ q, shown }) => {
    const started = performance.now();
    const search = await window.pagefind.search(q);
    const data = await Promise.all(search.results.slice(0, shown).map(r => r.data()));
    return { ms: performance.now() - started, hrefs: data.map(d => d.url) };
  }, { q: text, shown: SHOWN }));

const sorted = xs => [...xs].sort((a, b) => a - b);
const median = xs => (xs.length ? sorted(xs)[Math.floor((xs.length - 1) / 2)] : 0);
const p90 = xs => (xs.length ? sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.9) - 1)] : 0);
const summary = (engine, other) => {
  // Later queries: the other queries before any is asked again (with --queries, the ones as written).
  const later = engine.rows.slice(1, args.queries ? engine.rows.length / 2 : engine.rows.length);
  const msAll = engine.rows.map(r => r.ms);
  return {
    engine: engine.name,
    hits: engine.rows.filter(r => r.hrefs.slice(0, 3).includes(r.expected)).length,
    queries: engine.rows.length,
    firstBytes: engine.rows[0].bytes,
    laterBytesMedian: median(later.map(r => r.bytes)),
    laterBytesMax: Math.max(...later.map(r => r.bytes)),
    laterBytesTotal: later.reduce((n, r) => n + r.bytes, 0),
    firstMs: Math.round(engine.rows[0].ms),
    laterMsMedian: Math.round(median(later.map(r => r.ms))),
    laterMsP90: Math.round(p90(later.map(r => r.ms))),
    // Every query of the run (the plainly typed repeats too): how long to the results, and how often this
    // engine fetched more bytes for it than the other did.
    msMedian: Math.round(median(msAll)),
    msMax: Math.round(Math.max(...msAll)),
    firstAllMs: Math.round(engine.rows[0].allMs),
    allMsMedian: Math.round(median(engine.rows.map(r => r.allMs))),
    allMsMax: Math.round(Math.max(...engine.rows.map(r => r.allMs))),
    moreBytesThanOther: engine.rows.filter((r, i) => r.bytes > other.rows[i].bytes).length,
    problems: engine.problems,
  };
};
const missed = rows => rows.filter(r => !r.hrefs.slice(0, 3).includes(r.expected))
  .map(r => `${r.text} → ${r.hrefs.slice(0, 3).join(' ')}`);
const result = {
  ours: { ...summary(ours, pagefind), indexBytes: folderBytes(path.join(args.ours, 'search'), f => !f.endsWith('.html'))
    + folderBytes(path.join(args.ours, 'assets'), f => /search\.[0-9a-f]+\.js$/.test(f)) },
  pagefind: { ...summary(pagefind, ours), indexBytes: folderBytes(path.join(args.pagefind, 'pagefind')) },
  misses: {
    ours: missed(ours.rows),
    pagefind: missed(pagefind.rows),
  },
  perQuery: ours.rows.map((r, i) => ({
    text: r.text,
    ours: { bytes: r.bytes, ms: Math.round(r.ms), allMs: Math.round(r.allMs) },
    pagefind: { bytes: pagefind.rows[i].bytes, ms: Math.round(pagefind.rows[i].ms) },
  })),
};
if (args.json) writeFileSync(args.json, JSON.stringify(result, null, 2) + '\n');
// One Markdown row per engine: bench/search.sh prints the table's head once.
const kb = n => (n / 1024).toFixed(1);
for (const [key, buildMs] of [['ours', args['ours-build-ms']], ['pagefind', args['pagefind-build-ms']]]) {
  const r = result[key];
  process.stdout.write(`| ${args.label ?? ''} | ${r.engine} | ${r.hits}/${r.queries} | ${kb(r.firstBytes)} | ` +
    `${kb(r.laterBytesMedian)} / ` +
    `${kb(r.laterBytesMax)} / ${kb(r.laterBytesTotal)} | ${r.moreBytesThanOther}/${r.queries} | ` +
    `${r.firstMs} / ${r.firstAllMs} | ${r.msMedian} / ${r.msMax} | ${r.allMsMedian} / ${r.allMsMax} | ` +
    `${kb(r.indexBytes)} | ${buildMs ?? ''} |${r.problems.length ? ' problems: ' + r.problems.join('; ') : ''}\n`);
}
