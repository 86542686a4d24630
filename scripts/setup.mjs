#!/usr/bin/env node
// Runs before `npm start` and `npm test` (prestart / pretest) so that each is the one command a fresh
// clone needs: installs the npm packages from the lock file when they are missing or older than it,
// with --build builds dist/ when it is missing or older than the sources (`npm ci` has just built it on
// a fresh clone, so it is not built twice), and with --browser makes sure Debian's chromium is there for
// the browser tests (installing it with apt-get when running as root, as CI does). Node built-ins only:
// it runs before anything is installed.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const run = (command) => execSync(command, { stdio: 'inherit' });
const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);
/** The newest modification time of a file or of anything below a folder. */
const newest = (path) =>
  !existsSync(path)
    ? 0
    : statSync(path).isDirectory()
      ? Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))))
      : mtime(path);

const installed = mtime('node_modules/.package-lock.json');
if (!installed || installed < mtime('package-lock.json')) {
  console.log('setup: installing npm packages from package-lock.json (npm ci)…');
  run('npm ci --no-audit --no-fund');
}

const SOURCES = ['src', 'machines', 'bench', 'scenarios', 'docs/spec.md', 'scripts/build-inspector.mjs', 'scripts/build-spec-page.mjs', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
const BUILT = ['dist/src/cli.js', 'dist/inspector/app.js', 'dist/inspector/spec.html'];
if (process.argv.includes('--build') && Math.min(...BUILT.map(mtime)) < Math.max(...SOURCES.map(newest))) {
  console.log('setup: building dist/ (npm run build)…');
  run('npm run build');
}

const CHROMIUM = '/usr/bin/chromium';
if (process.argv.includes('--browser') && !existsSync(CHROMIUM)) {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('setup: installing Debian chromium for the browser tests (apt-get)…');
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
  } else {
    console.error(`setup: ${CHROMIUM} is missing; the browser tests need it: sudo apt-get install -y chromium`);
  }
}
