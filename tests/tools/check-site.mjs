#!/usr/bin/env node
// Checks a built site folder in Debian's Chromium, the way a visitor meets it on a static host:
//
//   node check-site.mjs --root output [--base-path /kropotkin/] [--headers ../../netlify.toml] [--workers 2]
//
// It serves the folder on 127.0.0.1 (under the base path, with the headers netlify.toml declares when given),
// crawls from the home page following every internal link, and on every page reached (and on the 404 page,
// fetched at a missing address) it runs axe-core with the WCAG 2.0/2.1/2.2 A and AA rules in the light and
// the dark colour scheme at 1280 CSS px, checks that the page reflows at 320 CSS px without sideways scrolling
// and runs axe there once more (dark), and looks for
// what a strict Content-Security-Policy would block (style attributes, <style> elements, inline or
// attribute scripts, javascript: URLs) and for any request to another host. It reports broken links and
// fragments, and .html files no link reaches. With --headers it serves netlify.toml's headers, so Chromium
// enforces its Content-Security-Policy (what the policy blocks is reported), and it checks that every page
// carries the policy and that assets/ is served as immutable. It prints one JSON object and exits 0 when there is no
// violation, 1 when there is any, and 2 when it could not run (a tool is missing, or bad arguments).
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { serve, readNetlifyHeaders, normaliseBasePath } from './lib/server.mjs';
import { launchChromium, missingTool } from './lib/browser.mjs';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCHEMES = ['light', 'dark'];
const NARROW = 320;
const MISSING_PATH = 'no-such-page/for-the-404-check/';

function parseArgs(argv) {
  const args = { root: null, basePath: '/', headers: null, workers: 2 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--root') args.root = value();
    else if (a === '--base-path') args.basePath = value();
    else if (a === '--headers') args.headers = value();
    else if (a === '--workers') args.workers = Math.max(1, parseInt(value(), 10) || 1);
    else usage(`unknown argument ${a}`);
  }
  if (!args.root) usage('--root is required');
  return args;
}

function usage(message) {
  process.stderr.write(`check-site: ${message}\nusage: node check-site.mjs --root DIR [--base-path /sub/] [--headers netlify.toml] [--workers N]\n`);
  process.exit(2);
}

function loadAxe() {
  const require = createRequire(import.meta.url);
  try {
    return readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  } catch {
    missingTool('the npm package axe-core (tests/tools/node_modules)');
  }
}

/** Every .html file under root, as the URL a host serves it at. */
function htmlFiles(root, base) {
  const found = [];
  const walk = dir => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) found.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return found.sort().map(file => ({
    file,
    url: base + (file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file),
  }));
}

const truncate = (s, n = 300) => (s && s.length > n ? s.slice(0, n) + '…' : s);

// Runs in the page before any of its own code: records what the Content-Security-Policy blocks.
const cspRecorder = () => {
  window.__ksCsp = [];
  document.addEventListener('securitypolicyviolation', e => {
    window.__ksCsp.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, line: e.lineNumber });
  });
};

// Runs in the page: what it links to, which ids it has, and what a strict CSP would refuse.
function pageFacts() {
  const executable = t => {
    const type = (t || '').trim().toLowerCase();
    return type === '' || type === 'module' || /^(text|application)\/(x-)?(javascript|ecmascript)$/.test(type) || type === 'text/jscript';
  };
  const describe = el => el.outerHTML.slice(0, 200);
  const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
  for (const a of document.querySelectorAll('a[name]')) ids.push(a.getAttribute('name'));
  const links = [...document.querySelectorAll('a[href], area[href]')].map(a => ({ href: a.getAttribute('href'), url: a.href, text: (a.textContent || '').trim().slice(0, 80) }));
  const resources = [];
  for (const el of document.querySelectorAll('link[href]')) resources.push({ url: el.href, rel: el.getAttribute('rel') || '', tag: 'link' });
  for (const el of document.querySelectorAll('img[src], script[src], source[src], audio[src], video[src], iframe[src], embed[src], track[src]')) resources.push({ url: el.src, tag: el.localName });
  for (const el of document.querySelectorAll('object[data]')) resources.push({ url: el.data, tag: 'object' });
  for (const el of document.querySelectorAll('img[srcset], source[srcset]'))
    for (const part of el.getAttribute('srcset').split(','))
      if (part.trim()) resources.push({ url: new URL(part.trim().split(/\s+/)[0], document.baseURI).href, tag: el.localName });
  const inline = [];
  for (const el of document.querySelectorAll('[style]')) inline.push({ kind: 'inline-style', html: describe(el) });
  for (const el of document.querySelectorAll('style')) inline.push({ kind: 'inline-style-element', html: describe(el) });
  for (const el of document.querySelectorAll('script:not([src])')) if (executable(el.getAttribute('type'))) inline.push({ kind: 'inline-script', html: describe(el) });
  for (const el of document.querySelectorAll('*'))
    for (const attr of el.attributes)
      if (/^on/i.test(attr.name)) inline.push({ kind: 'inline-event-handler', html: describe(el) });
  for (const el of document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]')) inline.push({ kind: 'javascript-url', html: describe(el) });
  return { ids, links, resources, inline, csp: window.__ksCsp || [], title: document.title };
}

// Runs in the page at 320 CSS px: whatever makes the document wider than the viewport.
function overflowAt() {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return null;
  const culprits = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right > width + 1 && r.width > 0) {
      let parentOverflows = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (s.overflowX !== 'visible' && s.overflowX !== 'clip') { parentOverflows = true; break; }
      }
      if (!parentOverflows) culprits.push(el.outerHTML.slice(0, 160));
    }
    if (culprits.length >= 3) break;
  }
  return { scrollWidth: document.documentElement.scrollWidth, width, culprits };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const root = path.resolve(args.root);
  if (!existsSync(path.join(root, 'index.html'))) usage(`${root} has no index.html: build the site first`);
  const base = normaliseBasePath(args.basePath);
  const axeSource = loadAxe();
  const headers = args.headers ? readNetlifyHeaders(args.headers) : [];

  const server = await serve(root, { basePath: base, headers });
  const browser = await launchChromium();
  const violations = [];
  const report = v => violations.push(v);
  const started = Date.now();

  const sitePathOf = url => {
    const u = new URL(url);
    return u.pathname + u.search;
  };
  const isInternal = url => {
    try { return new URL(url).origin === server.origin; } catch { return false; }
  };
  const withoutHash = url => { const u = new URL(url); u.hash = ''; return u.href; };

  await browser.context.addInitScript(cspRecorder);

  // Requests to any other host are refused before they leave the browser, and reported.
  const currentPage = new Map();
  await browser.context.route('**/*', (route, request) => {
    const url = request.url();
    if (isInternal(url)) return route.continue();
    const from = currentPage.get(request.frame()?.page?.()) ?? '(unknown page)';
    report({ kind: 'external-request', page: from, url: truncate(url, 200), resourceType: request.resourceType() });
    return route.abort('blockedbyclient');
  });

  // What a URL on our server is: status, content type, and (for HTML) its ids. Cached.
  const probes = new Map();
  const probe = url => {
    const key = withoutHash(url);
    if (!probes.has(key)) {
      probes.set(key, (async () => {
        const res = await fetch(key, { redirect: 'manual' });
        const type = res.headers.get('content-type') || '';
        const body = res.status === 200 && /json/.test(type) ? await res.text() : null;
        if (!body) await res.arrayBuffer();
        return { status: res.status, type, location: res.headers.get('location'), cacheControl: res.headers.get('cache-control') || '', body };
      })());
    }
    return probes.get(key);
  };

  const pageIds = new Map(); // page URL (no hash) -> Set of ids
  const linkChecks = []; // { from, href, url }
  const resourceChecks = []; // { from, url, rel }
  const visited = new Set();
  const queue = [server.baseUrl];
  const missingUrl = server.baseUrl + MISSING_PATH;
  queue.push(missingUrl);
  visited.add(server.baseUrl);
  visited.add(missingUrl);
  let axeRuns = 0;
  const checked = [];

  async function checkPage(tab, url) {
    const sitePath = sitePathOf(url);
    currentPage.set(tab, sitePath);
    const consoleErrors = [];
    const onConsole = msg => {
      if (msg.type() !== 'error') return;
      // The 404 page is meant to answer 404: that one console line is the point of the check, not a fault.
      if (url === missingUrl && msg.location()?.url === url && /status of 404/.test(msg.text())) return;
      consoleErrors.push(msg.text());
    };
    const onError = err => consoleErrors.push(String(err));
    tab.on('console', onConsole);
    tab.on('pageerror', onError);
    try {
      await tab.setViewportSize({ width: 1280, height: 800 });
      await tab.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
      const response = await tab.goto(url, { waitUntil: 'load', timeout: 30000 });
      const expected = url === missingUrl ? 404 : 200;
      if (!response || response.status() !== expected) {
        report({ kind: 'http-status', page: sitePath, expected, status: response ? response.status() : null });
        if (!response || response.status() >= 300 && url !== missingUrl) return;
      }
      if (!/text\/html/.test(response.headers()['content-type'] || '')) {
        report({ kind: 'not-html', page: sitePath, type: response.headers()['content-type'] });
        return;
      }
      if (headers.length > 0) {
        // Served with the headers netlify.toml declares: every page must carry them, and the policy must be strict.
        const h = response.headers();
        const csp = h['content-security-policy'];
        if (!csp) report({ kind: 'missing-header', page: sitePath, header: 'Content-Security-Policy' });
        else if (/'unsafe-(inline|eval)'/.test(csp)) report({ kind: 'weak-csp', page: sitePath, policy: csp });
        if ((h['x-content-type-options'] || '').toLowerCase() !== 'nosniff') report({ kind: 'missing-header', page: sitePath, header: 'X-Content-Type-Options' });
        if (!h['referrer-policy']) report({ kind: 'missing-header', page: sitePath, header: 'Referrer-Policy' });
      }
      const facts = await tab.evaluate(pageFacts);
      pageIds.set(withoutHash(url), new Set(facts.ids));
      checked.push(sitePath);
      for (const item of facts.inline) report({ kind: item.kind, page: sitePath, html: item.html });
      for (const c of facts.csp) report({ kind: 'csp-violation', page: sitePath, ...c });
      for (const link of facts.links) {
        if (!/^https?:/.test(link.url)) continue;
        if (!isInternal(link.url)) continue;
        const target = withoutHash(link.url);
        linkChecks.push({ from: sitePath, fromUrl: withoutHash(url), href: link.href, url: link.url, text: link.text });
        if (!visited.has(target)) {
          visited.add(target);
          const p = await probe(target);
          if (p.status === 200 && /text\/html/.test(p.type)) queue.push(target);
        }
      }
      for (const r of facts.resources) if (isInternal(r.url)) resourceChecks.push({ from: sitePath, ...r });
        else if (/^https?:/.test(r.url)) report({ kind: 'external-resource', page: sitePath, url: truncate(r.url, 200), tag: r.tag });

      await tab.evaluate(axeSource);
      const runAxe = async label => {
        const result = await tab.evaluate(async tags => {
          const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return r.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, tags: v.tags.filter(t => t.startsWith('wcag')),
            nodes: v.nodes.slice(0, 5).map(n => ({ target: n.target.join(' '), html: n.html.slice(0, 200), summary: (n.failureSummary || '').slice(0, 300) })),
            count: v.nodes.length,
          }));
        }, AXE_TAGS);
        axeRuns++;
        for (const v of result) report({ kind: 'axe', page: sitePath, scheme: label, ...v });
      };
      for (const scheme of SCHEMES) {
        await tab.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await runAxe(scheme);
      }

      // A phone's width: nothing may need sideways scrolling, and what wraps (menus, links) must still pass.
      await tab.setViewportSize({ width: NARROW, height: 640 });
      const overflow = await tab.evaluate(overflowAt);
      if (overflow) report({ kind: 'reflow', page: sitePath, width: NARROW, ...overflow });
      await runAxe(`dark, ${NARROW} px`);

      for (const e of consoleErrors) report({ kind: 'console-error', page: sitePath, message: truncate(e) });
    } catch (e) {
      report({ kind: 'page-error', page: sitePath, message: truncate(String(e && e.message || e), 500) });
    } finally {
      tab.off('console', onConsole);
      tab.off('pageerror', onError);
    }
  }

  // A few tabs share one queue; a tab that finds it empty waits while another may still add to it.
  const tabs = [];
  for (let i = 0; i < args.workers; i++) tabs.push(await browser.context.newPage());
  let busy = 0;
  await Promise.all(tabs.map(async tab => {
    for (;;) {
      const next = queue.shift();
      if (next) {
        busy++;
        try { await checkPage(tab, next); } finally { busy--; }
        continue;
      }
      if (busy === 0) break;
      await new Promise(r => setTimeout(r, 25));
    }
  }));

  // Links: every internal target answers 200 (no redirect, no 404), and every #fragment exists there.
  let linksChecked = 0;
  for (const link of linkChecks) {
    linksChecked++;
    if (withoutHash(link.url) === link.fromUrl) {
      // A link within the page (a skip link, a table of contents): only its fragment needs to exist.
      const hash = new URL(link.url).hash;
      if (hash.length > 1 && !pageIds.get(link.fromUrl)?.has(decodeURIComponent(hash.slice(1))))
        report({ kind: 'broken-fragment', page: link.from, href: link.href, text: link.text });
      continue;
    }
    const p = await probe(link.url);
    if (p.status !== 200) {
      report({ kind: p.status >= 300 && p.status < 400 ? 'redirecting-link' : 'broken-link', page: link.from, href: link.href, status: p.status, location: p.location ?? undefined, text: link.text });
      continue;
    }
    const hash = new URL(link.url).hash;
    if (hash.length > 1 && /text\/html/.test(p.type)) {
      const ids = pageIds.get(withoutHash(link.url));
      const id = decodeURIComponent(hash.slice(1));
      if (ids && !ids.has(id)) report({ kind: 'broken-fragment', page: link.from, href: link.href, text: link.text });
    }
  }
  // Stylesheets, icons, images, the manifest and what it names.
  const seenResources = new Set();
  for (const r of resourceChecks) {
    if (seenResources.has(r.url)) continue;
    seenResources.add(r.url);
    const p = await probe(r.url);
    if (p.status !== 200) { report({ kind: 'broken-resource', page: r.from, url: sitePathOf(r.url), status: p.status, tag: r.tag }); continue; }
    if (headers.length > 0 && new URL(r.url).pathname.startsWith(base + 'assets/') && !/\bimmutable\b/.test(p.cacheControl))
      report({ kind: 'asset-not-immutable', page: r.from, url: sitePathOf(r.url), cacheControl: p.cacheControl });
    if (/\bmanifest\b/.test(r.rel) && p.body) {
      let manifest;
      try { manifest = JSON.parse(p.body); } catch (e) { report({ kind: 'bad-manifest', page: r.from, url: sitePathOf(r.url), message: String(e) }); continue; }
      const named = [manifest.start_url, manifest.scope, ...(manifest.icons || []).map(i => i.src)].filter(Boolean);
      for (const u of named) {
        const target = new URL(u, r.url).href;
        if (!isInternal(target) || !(await probe(target)).status.toString().startsWith('2'))
          report({ kind: 'broken-manifest-url', page: r.from, manifest: sitePathOf(r.url), url: u });
      }
    }
  }

  // Every .html file is reached from the home page (the 404 page is checked at a missing address instead).
  const reached = new Set([...pageIds.keys()].map(u => new URL(u).pathname));
  const files = htmlFiles(root, base);
  for (const f of files) {
    if (f.file === '404.html') continue;
    if (!reached.has(f.url)) report({ kind: 'unreachable', file: f.file, url: f.url });
  }

  await browser.close();
  await server.close();

  const summary = {};
  for (const v of violations) summary[v.kind] = (summary[v.kind] || 0) + 1;
  const result = {
    root,
    basePath: base,
    htmlFiles: files.length,
    pagesChecked: checked.length,
    axeRuns,
    axeTags: AXE_TAGS,
    linksChecked,
    resourcesChecked: seenResources.size,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    violationCount: violations.length,
    summary,
    violations,
    pages: checked,
  };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  process.exitCode = violations.length === 0 ? 0 : 1;
}

main().catch(e => {
  process.stderr.write(`check-site: could not run: ${e && e.stack || e}\n`);
  process.exit(2);
});
