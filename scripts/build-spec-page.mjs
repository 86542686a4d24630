#!/usr/bin/env node
/**
 * Renders docs/spec.md (the project's specification) to one HTML page beside the analysts' page, so its
 * rule hints can link to `spec.html#r7`. The rule anchors are the `<a id="r7"></a>` written in the
 * Markdown, kept as they are; headings get GitHub's ids, so the contents links work too.
 *
 *   node scripts/build-spec-page.mjs [--out dist/inspector/spec.html]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Marked } from 'marked';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
code{font:0.9em ui-monospace,monospace;background:#f2f4f7;padding:0 .2em;border-radius:3px}
pre{background:#f2f4f7;padding:.75rem;overflow-x:auto}pre code{padding:0}
blockquote{margin:.5rem 0;padding:.25rem 1rem;border-left:4px solid #c8d1dc;color:#3d4752;background:#fafbfc}
table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;vertical-align:top}
h3{margin-top:2rem}p:has(>a:target)+h3{background:#fff6d6}`;

/** GitHub's heading id: lower case, punctuation dropped, spaces → hyphens. */
export function slugOf(text) {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/**
 * docs/spec.md as a standalone HTML page. Links to the other docs (`errors.md`) name the file instead:
 * the page is served without them.
 * @example renderSpecPage('<a id="r1"></a>\n### R1 — …').includes('<a id="r1"></a>') // true
 */
export function renderSpecPage(markdown) {
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth, text }) {
        return `<h${depth} id="${slugOf(text.replace(/`/g, ''))}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      link({ href, tokens }) {
        const label = this.parser.parseInline(tokens);
        if (/^[\w./-]+\.md(#.*)?$/.test(href)) return `${label} (<code>docs/${href.replace(/^\.\//, '')}</code>)`;
        return `<a href="${href}">${label}</a>`;
      },
    },
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The behaviour of start.employee_call — employee-call-sim</title>
<style>${STYLE}</style>
</head>
<body>
${marked.parse(markdown)}</body>
</html>
`;
}

async function main() {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const out = resolve(outIndex === -1 ? join(ROOT, 'dist/inspector/spec.html') : args[outIndex + 1]);
  const html = renderSpecPage(await readFile(join(ROOT, 'docs/spec.md'), 'utf8'));
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, html);
  console.log(`spec page: ${out} (${html.length} bytes)`);
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) await main();
