#!/usr/bin/env node
/**
 * Pictures of the analysts' page for the README, from the page itself, so they stay current:
 * builds the page, opens it in Debian's headless Chromium at 1440×900 and writes docs/images/*.png.
 *
 *   npm run screenshots            (needs /usr/bin/chromium, as the e2e tests do)
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildInspector } from './build-inspector.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'docs/images');

/** What each picture shows: a name, how to get there, which part of the page. */
const SHOTS = [
  { file: 'inspector-lanes.png', selector: '.timeline-card', steps: ['#next-event', '#next-event', '#next-event', '#next-event', '#next-event', '#next-event'] },
  { file: 'inspector-compare.png', selector: '.timeline-card', scenario: 'r7-contact-first-switch-both-messages.yaml', steps: ['#compare-toggle'] },
  { file: 'inspector-charts.png', selector: 'svg.chart[data-machine="flow"]', steps: ['table.events tr[data-type="talk.started"]'] },
  { file: 'inspector-ladder.png', selector: '#ladder', steps: ['table.events tr[data-type="talk.started"]'] },
  { file: 'inspector-early-switching.png', selector: '.timeline-card', scenario: 'r3-early-switching-voicemail-then-unavailable.yaml', steps: [] },
];

const outdir = await mkdtemp(join(tmpdir(), 'inspector-shots-'));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  await buildInspector({ outdir, minify: true });
  await mkdir(OUT, { recursive: true });
  for (const shot of SHOTS) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(join(outdir, 'index.html')).href);
    await page.waitForSelector('body[data-ready]');
    if (shot.scenario) {
      await page.click('#open-scenario');
      await page.fill('#scenario-search', shot.scenario.replace(/\.yaml$/, ''));
      await page.click(`#scenario-list .picker-item[data-file="${shot.scenario}"]`);
    }
    for (const step of shot.steps) await page.click(step);
    await page.locator(shot.selector).first().screenshot({ path: join(OUT, shot.file) });
    await page.close();
    console.log(`docs/images/${shot.file}`);
  }
} finally {
  await browser.close();
  await rm(outdir, { recursive: true, force: true });
}
