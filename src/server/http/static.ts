import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { text, type Reply } from './reply.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
};

/**
 * The package's root: the nearest folder above this module holding package.json (works from src/ and dist/src/).
 * @example `${packageRoot()}/dist/inspector` // where `npm run build` puts the analysts' page
 */
export function packageRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
  return dir;
}

const NOT_BUILT = (dir: string) => `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Analysts' page not built</title>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>The analysts' page is not built</h1>
<p>No build found in <code>${dir.replace(/[<>&]/g, '')}</code>. Run <code>npm run build</code> in the project, then reload this page.</p>
<p>The mock Call API itself works without it: <code>POST /v4.0</code>, control API under <code>/control/</code>.</p>
</body></html>
`;

/**
 * Serves the analysts' page build under `/inspector/` (`/inspector/` → index.html), with content types.
 * Paths cannot leave the folder. No build → a 404 page saying to run `npm run build`.
 * @example serveInspector('/work/dist/inspector', '/inspector/app.js').headers['content-type'] // 'text/javascript; charset=utf-8'
 */
export function serveInspector(root: string, path: string): Reply {
  if (!existsSync(join(root, 'index.html'))) {
    return { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' }, body: NOT_BUILT(root) };
  }
  let relative: string;
  try {
    relative = decodeURIComponent(path.slice('/inspector/'.length)) || 'index.html';
  } catch {
    return text(400, 'Bad path');
  }
  const file = normalize(join(root, relative));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return text(404, 'Not found');
  if (!existsSync(file) || !statSync(file).isFile()) return text(404, `Not found: ${path}`);
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  return { status: 200, headers: { 'content-type': type, 'cache-control': 'no-cache' }, body: readFileSync(file) };
}
