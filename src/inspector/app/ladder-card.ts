import { mermaidSequence } from '../../diagram/mermaid.js';
import { ladderRows } from '../../diagram/sequence.js';
import { fileNameOf } from '../export.js';
import { eventIndexAt } from '../run.js';
import { download, h } from './dom.js';
import { captionOf, exportSvg, stackSvgs } from './export-actions.js';
import { say } from './flash.js';
import { ladderSvg } from './ladder-view.js';
import type { Side, Store } from './store.js';

/** The Mermaid text of the case: A's ladder, or A's and B's as two fenced blocks of one Markdown file. */
export function mermaidOf(store: Store, titles: { a: string; b: string }): { text: string; extension: 'mmd' | 'md' } {
  const text = (side: Side, title: string) => mermaidSequence(ladderRows(side.run?.result.events ?? []), title);
  if (!store.b) return { text: text(store.a, titles.a), extension: 'mmd' };
  return {
    text: `# ${titles.a} | ${titles.b}\n\n\`\`\`mermaid\n${text(store.a, titles.a)}\`\`\`\n\n\`\`\`mermaid\n${text(store.b, titles.b)}\`\`\`\n`,
    extension: 'md',
  };
}

export interface LadderCard {
  el: HTMLElement;
  render(titles: { a: string; b: string }): void;
}

/**
 * The ladder card: the call as a sequence diagram in step with the cursor (A and B side by side when
 * comparing), clicking a row moves the cursor; exported as Mermaid text (copy or file) or SVG.
 */
export function ladderCard(store: Store): LadderCard {
  const body = h('div', { class: 'ladders', id: 'ladders' });
  const preview = h('pre', { class: 'mermaid-text', id: 'mermaid-text' });
  let titles = { a: 'A', b: 'B' };
  body.addEventListener('click', (event) => {
    const row = (event.target as Element).closest('g.ladder-row');
    if (row) store.setIndex(Number(row.getAttribute('data-event')));
  });
  const mermaid = () => mermaidOf(store, titles);
  const name = (extension: string) => fileNameOf(store.case.scenario, extension).replace(/\.(\w+)$/, `-ladder.$1`);
  const buttons = h(
    'span',
    { class: 'group' },
    h('button', {
      type: 'button', id: 'export-mermaid', title: 'Mermaid sequenceDiagram text (renders in GitHub, GitLab, Confluence)',
      onclick: () => {
        const { text, extension } = mermaid();
        download(name(extension), new Blob([text], { type: 'text/plain' }));
      },
    }, 'Mermaid'),
    h('button', {
      type: 'button', id: 'copy-mermaid', title: 'Copy the Mermaid text',
      onclick: async () => {
        try {
          await navigator.clipboard.writeText(mermaid().text);
          say('Mermaid text copied.');
        } catch {
          say('No clipboard here: the Mermaid text is below, under “Mermaid text”.');
        }
      },
    }, 'Copy Mermaid'),
    h('button', {
      type: 'button', id: 'export-ladder-svg', title: 'The ladder as a vector image',
      onclick: () => {
        const parts = [...body.querySelectorAll<SVGSVGElement>('svg.ladder')];
        if (parts.length) exportSvg(stackSvgs(parts, captionOf(store)), name('svg'));
      },
    }, 'SVG'),
  );
  const el = h(
    'section',
    { class: 'card ladder-card', id: 'ladder' },
    h('div', { class: 'card-head' }, h('h2', {}, 'Ladder — who sends what to whom'), buttons),
    body,
    h('details', { class: 'mermaid-details' }, h('summary', {}, 'Mermaid text'), preview),
  );

  return {
    el,
    render(next) {
      titles = next;
      const sides = [store.a, store.b].filter((side): side is Side => side !== null);
      const columns = sides.length > 1 && (body.clientWidth || 900) >= 760 ? 2 : 1;
      const width = Math.floor(((body.clientWidth || 900) - (columns - 1) * 12) / columns);
      body.classList.toggle('two', columns === 2);
      body.replaceChildren(
        ...sides.map((side, i) =>
          side.run && side.run.result.events.length
            ? ladderSvg(ladderRows(side.run.result.events), {
                width, index: i === 0 ? store.index : eventIndexAt(side.run.result.events, store.cursor()), title: sides.length > 1 ? (i ? titles.b : titles.a) : undefined,
                firstDiff: sides.length > 1 ? (store.diff?.firstIndex ?? null) : null,
              })
            : h('p', { class: 'note' }, `${sides.length > 1 ? (i ? 'B' : 'A') : 'No call'}: the request did not run, so nothing was sent.`),
        ),
      );
      preview.textContent = mermaid().text;
    },
  };
}
