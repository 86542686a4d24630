#!/usr/bin/env node
/**
 * Builds the analysts' page (src/inspector/app) into one folder that works from file:// and under the
 * mock server's /inspector/:
 *   index.html  app.js (one classic script: no modules, no fetch)  app.css  stately.js (optional, lazy)
 * Every scenarios/*.yaml is embedded in app.js as text at build time (module `virtual:scenarios`).
 *
 *   node scripts/build-inspector.mjs [--outdir dist/inspector] [--no-minify]
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
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

/** esbuild plugin: `import files from 'virtual:scenarios'` → the embedded scenario files. */
function scenariosPlugin(scenarios) {
  return {
    name: 'scenarios',
    setup(b) {
      b.onResolve({ filter: /^virtual:scenarios$/ }, () => ({ path: 'scenarios', namespace: 'virtual' }));
      b.onLoad({ filter: /^scenarios$/, namespace: 'virtual' }, () => ({
        contents: `export default ${JSON.stringify(scenarios)};`,
        loader: 'js',
      }));
    },
  };
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
    plugins: [scenariosPlugin(scenarios), zodLocalesPlugin],
  });
  await build({ ...common, entryPoints: [join(APP, 'stately-entry.ts')], outfile: join(outdir, 'stately.js') });
  await writeFile(join(outdir, 'index.html'), INDEX_HTML);
  return { outdir, scenarios: scenarios.map((s) => s.file) };
}

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { outdir, scenarios } = await buildInspector({
    outdir: argValue('--outdir'),
    minify: !process.argv.includes('--no-minify'),
  });
  console.log(`inspector built in ${outdir} (${scenarios.length} scenario file(s) embedded)`);
}
