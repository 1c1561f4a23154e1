// A tiny static server for a built output folder, on 127.0.0.1 only, the way a static host serves it:
// pretty URLs (dir/ -> dir/index.html, dir -> redirect to dir/), 404.html with status 404 for anything else,
// optionally under a base path (/kropotkin/), and optionally with the headers netlify.toml declares.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

/** Normalises a base path to "/" or "/sub/". */
export function normaliseBasePath(basePath) {
  let p = (basePath ?? '/').trim();
  if (!p.startsWith('/')) p = '/' + p;
  if (!p.endsWith('/')) p += '/';
  return p;
}

/**
 * Reads the [[headers]] blocks of a netlify.toml: a list of { for, values }. Only the shape Netlify documents
 * for headers is understood (for = "..." and a [headers.values] table of Name = "value" lines).
 */
export function readNetlifyHeaders(file) {
  const rules = [];
  let current = null;
  let inValues = false;
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line === '[[headers]]') { current = { for: null, values: {} }; rules.push(current); inValues = false; continue; }
    if (line === '[headers.values]') { inValues = current !== null; continue; }
    if (line.startsWith('[')) { current = null; inValues = false; continue; }
    if (!current) continue;
    const m = /^("?)([A-Za-z0-9_-]+)\1\s*=\s*"((?:[^"\\]|\\.)*)"\s*(#.*)?$/.exec(line);
    if (!m) continue;
    const value = JSON.parse('"' + m[3] + '"');
    if (inValues) current.values[m[2]] = value;
    else if (m[2] === 'for') current.for = value;
  }
  return rules.filter(r => r.for);
}

function headerMatches(pattern, sitePath) {
  // Netlify's "for" is a path with * as a splat; match it against the path within the site.
  const re = new RegExp('^' + pattern.split('*').map(s => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
  return re.test(sitePath);
}

/**
 * Starts serving `root`. Returns { origin, baseUrl, close(), requests } where `requests` counts served paths.
 * `headers` is a list from readNetlifyHeaders, applied to the path within the site (base path removed).
 */
export async function serve(root, { basePath = '/', headers = [] } = {}) {
  const base = normaliseBasePath(basePath);
  const absRoot = path.resolve(root);
  const notFoundFile = path.join(absRoot, '404.html');

  async function fileFor(sitePath) {
    const decoded = decodeURIComponent(sitePath);
    if (decoded.includes('\0')) return null;
    const full = path.resolve(absRoot, '.' + decoded);
    if (full !== absRoot && !full.startsWith(absRoot + path.sep)) return null;
    try {
      const s = await stat(full);
      if (s.isDirectory()) {
        if (!decoded.endsWith('/')) return { redirect: true };
        const index = path.join(full, 'index.html');
        return (await stat(index).catch(() => null))?.isFile() ? { file: index } : null;
      }
      return s.isFile() ? { file: full } : null;
    } catch {
      return null;
    }
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      const extra = { 'X-DNS-Prefetch-Control': 'off' };
      const send = async (status, file, sitePath) => {
        for (const rule of headers) if (headerMatches(rule.for, sitePath)) Object.assign(extra, rule.values);
        const body = await readFile(file);
        res.writeHead(status, { 'Content-Type': types[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': body.length, ...extra });
        res.end(req.method === 'HEAD' ? undefined : body);
      };
      const notFound = async () => {
        if ((await stat(notFoundFile).catch(() => null))?.isFile()) return send(404, notFoundFile, '/404.html');
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...extra });
        res.end('404\n');
      };
      if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405); res.end(); return; }
      if (!url.pathname.startsWith(base)) return notFound();
      const sitePath = '/' + url.pathname.slice(base.length);
      const found = await fileFor(sitePath);
      if (!found) return notFound();
      if (found.redirect) { res.writeHead(301, { Location: url.pathname + '/' + url.search, ...extra }); res.end(); return; }
      return send(200, found.file, sitePath);
    } catch (e) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(e));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    base,
    baseUrl: origin + base,
    close: () => new Promise(resolve => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}
