import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderSpecPage, slugOf } from '../../scripts/build-spec-page.mjs';

const spec = readFileSync('docs/spec.md', 'utf8');
/** In the spec's order: the checks (§2), the call flow (§3), the decisions (§4). */
const ALL_IDS = [
  ...Array.from({ length: 7 }, (_, i) => `V${i + 1}`),
  ...Array.from({ length: 16 }, (_, i) => `R${i + 1}`),
  ...Array.from({ length: 15 }, (_, i) => `D${i + 1}`),
];
const RULE_ID = /\b[RVD]\d{1,2}\b/g;

/** Every file under `dir` (recursively) whose name ends with one of `endings`. */
function filesUnder(dir: string, endings: string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, endings);
    return endings.some((e) => name.endsWith(e)) ? [path] : [];
  });
}

/** Rule ids cited: scenarios' `rules:`, the tests, the docs, and the sources (the page's field hints). */
const citations: { where: string; id: string }[] = [
  ...filesUnder('scenarios', ['.yaml']).flatMap((file) =>
    ((parseYaml(readFileSync(file, 'utf8')) as { rules?: string[] }).rules ?? []).map((id) => ({ where: file, id })),
  ),
  ...[...filesUnder('test', ['.ts']), ...filesUnder('src', ['.ts']), 'README.md', ...filesUnder('docs', ['.md'])].flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(RULE_ID)].map((m) => ({ where: file, id: m[0] })),
  ),
];

describe('docs/spec.md: the spec the project cites', () => {
  it('states all 38 rule ids, each once, as an explicit anchor right before the rule heading', () => {
    const anchored = [...spec.matchAll(/<a id="([rvd]\d+)"><\/a>\n### ([RVD]\d+) — /g)].map((m) => [m[1], m[2]]);
    expect(anchored.map(([anchor]) => anchor)).toStrictEqual(ALL_IDS.map((id) => id.toLowerCase()));
    expect(anchored.every(([anchor, id]) => anchor === id!.toLowerCase())).toBe(true);
    expect(spec.match(/<a id="[rvd]\d+"><\/a>/g)).toHaveLength(38);
  });

  it('every rule id cited in the scenarios, the tests, the docs and the sources is one the spec states', () => {
    expect(citations.length).toBeGreaterThan(500);
    const unknown = citations.filter((c) => !ALL_IDS.includes(c.id));
    expect(unknown).toStrictEqual([]);
  });

  it('quotes the platform page under every R- and V-rule, and says why under every D-rule', () => {
    const sections = spec.split(/<a id="[rvd]\d+"><\/a>\n/).slice(1);
    expect(sections).toHaveLength(38);
    for (const [i, section] of sections.entries()) {
      const id = ALL_IDS[i]!;
      const body = section.split(/\n## |\n<a id=/)[0]!;
      if (id.startsWith('D')) expect(body, id).toMatch(/\*Why:\*/);
      else expect(body, id).toMatch(/^> «[^»]+»/m);
    }
  });

  it('links to spec.md#… in the docs name anchors that exist', () => {
    const headings = [...spec.matchAll(/^#+ (.+)$/gm)].map((m) => slugOf(m[1]!.replace(/`/g, '')));
    const anchors = new Set([...[...spec.matchAll(/<a id="([\w-]+)"><\/a>/g)].map((m) => m[1]), ...headings]);
    const links = ['README.md', ...filesUnder('docs', ['.md'])].flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/spec\.md#([\w-]+)/g)].map((m) => m[1]));
    expect(links.length).toBeGreaterThan(0);
    for (const anchor of links) expect(anchors.has(anchor), anchor).toBe(true);
  });

  it('nothing in the repository names a path outside it', () => {
    const outside = ['../' + 'shared', 'shared/' + 'SPEC', 'shared/' + 'seed'];
    const files = [...['src', 'test', 'docs', 'scenarios', 'scripts', 'bench', 'machines', 'schemas'].flatMap((d) => filesUnder(d, ['.ts', '.mjs', '.mts', '.md', '.yaml', '.json'])), 'README.md', 'package.json', '.ci/run'];
    const offending = files.filter((file) => outside.some((text) => readFileSync(file, 'utf8').includes(text)));
    expect(offending).toStrictEqual([]);
  });
});

describe('the spec page (dist/inspector/spec.html, built by npm run build)', () => {
  const html = renderSpecPage(spec);

  it.each(ALL_IDS)('has the anchor of %s', (id) => {
    expect(html).toContain(`<a id="${id.toLowerCase()}"></a>`);
  });

  it('gives the headings the ids the contents links use', () => {
    const targets = [...spec.matchAll(/\]\(#([\w-]+)\)/g)].map((m) => m[1]);
    expect(targets).toHaveLength(7);
    for (const target of targets) expect(html).toContain(`id="${target}"`);
    expect(slugOf('2. Request checks (V1–V7)')).toBe('2-request-checks-v1v7');
  });

  it('names the other docs instead of linking where the page is served without them', () => {
    expect(html).not.toMatch(/href="[^"#]+\.md/);
    expect(html).toContain('<code>docs/errors.md</code>');
  });
});
