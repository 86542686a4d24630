#!/usr/bin/env node
/**
 * Builds the analysts' page (src/inspector/app) into one folder that works from file:// and under the
 * mock server's /inspector/:
 *   index.html  app.js (one classic script: no modules, no fetch)  app.css  stately.js (optional, lazy)
 * Every scenarios/*.yaml is embedded in app.js as text at build time (module `virtual:scenarios`), and so
 * are the state charts of every machine `src/index.ts` exports, laid out here in Node by elkjs (module
 * `virtual:charts`): the machine definitions are static, so the page carries the positions only — not the
 * 1.6 MB layout engine, nor a web worker, which file:// would refuse.
 *
 *   node scripts/build-inspector.mjs [--outdir dist/inspector] [--no-minify]
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const APP = join(ROOT, 'src/inspector/app');

const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Call inspector — start.employee_call</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%230f172a'/%3E%3Cpath d='M3 5h10M3 8h6M3 11h8' stroke='%2386efac' stroke-width='2'/%3E%3C/svg%3E">
<link rel="stylesheet" href="app.css">
<script defer src="app.js"></script>
</head>
<body>
<noscript>The call inspector needs JavaScript.</noscript>
</body>
</html>
`;

/** The scenario files, sorted by name, as `{ file, text }`. */
async function readScenarios(dir) {
  let names = [];
  try {
    names = (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  return Promise.all(names.map(async (file) => ({ file, text: await readFile(join(dir, file), 'utf8') })));
}

/** esbuild plugin: `import value from 'virtual:NAME'` → `value` as JSON (the scenario files, the charts). */
function embedPlugin(modules) {
  return {
    name: 'embed',
    setup(b) {
      b.onResolve({ filter: /^virtual:/ }, (args) => ({ path: args.path.slice('virtual:'.length), namespace: 'virtual' }));
      b.onLoad({ filter: /.*/, namespace: 'virtual' }, (args) =>
        Object.hasOwn(modules, args.path) ? { contents: `export default ${JSON.stringify(modules[args.path])};`, loader: 'js' } : undefined,
      );
    },
  };
}

/** The laid-out state charts: src/diagram/build-charts.ts, bundled for Node and run here. */
async function layOutCharts() {
  const dir = join(ROOT, 'node_modules/.cache/employee-call-sim');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `charts-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [join(ROOT, 'src/diagram/build-charts.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    absWorkingDir: ROOT,
  });
  try {
    const { buildCharts } = await import(pathToFileURL(file).href);
    return await buildCharts();
  } finally {
    await rm(file, { force: true });
  }
}

/**
 * esbuild plugin: zod re-exports all its ~40 message locales as `z.locales` (≈300 kB the page never uses:
 * English is configured by a direct import, which stays). Only that re-export is replaced by an empty one.
 */
const zodLocalesPlugin = {
  name: 'zod-locales',
  setup(b) {
    b.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'virtual' } : undefined,
    );
    b.onLoad({ filter: /^zod-locales$/, namespace: 'virtual' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/**
 * Builds the page; returns the output folder and what went in.
 * @param {{ outdir?: string, minify?: boolean, scenariosDir?: string }} [options]
 */
export async function buildInspector(options = {}) {
  const outdir = resolve(options.outdir ?? join(ROOT, 'dist/inspector'));
  const scenarios = await readScenarios(options.scenariosDir ?? join(ROOT, 'scenarios'));
  const charts = await layOutCharts();
  await mkdir(outdir, { recursive: true });
  const common = {
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022'],
    minify: options.minify ?? true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: ROOT,
  };
  await build({
    ...common,
    // main.ts imports app.css, which esbuild writes next to the script as app.css.
    entryPoints: { app: join(APP, 'main.ts') },
    outdir,
    plugins: [embedPlugin({ scenarios, charts }), zodLocalesPlugin],
  });
  await build({ ...common, entryPoints: [join(APP, 'stately-entry.ts')], outfile: join(outdir, 'stately.js') });
  await writeFile(join(outdir, 'index.html'), INDEX_HTML);
  return { outdir, scenarios: scenarios.map((s) => s.file), charts: charts.map((c) => (c.region ? `${c.machine}.${c.region}` : c.machine)) };
}

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { outdir, scenarios, charts } = await buildInspector({
    outdir: argValue('--outdir'),
    minify: !process.argv.includes('--no-minify'),
  });
  console.log(`inspector built in ${outdir} (${scenarios.length} scenario file(s), charts of ${charts.join(', ')} embedded)`);
}
