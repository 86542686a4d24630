/**
 * A ladder as Mermaid `sequenceDiagram` text, which GitHub, GitLab and Confluence render. Times go at the
 * start of each message (`3 s · answers`), so the text reads on its own too.
 */
import { readableTime } from '../duration.js';
import { LIFELINE_NAMES, LIFELINES, type LadderRow, type Lifeline } from './sequence.js';

const ALIAS: Record<Lifeline, string> = { employee: 'E', platform: 'P', contact: 'C' };

/**
 * Text Mermaid shows as written: characters its grammar reads (`;` ends a statement, `#` starts an entity
 * code, `<`/`>` could be HTML, `%%` a comment, a line break) become entity codes or spaces.
 * @example escapeMermaid('DTMF #; <b>') // 'DTMF #35;#59; #60;b#62;'
 */
export function escapeMermaid(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[#;<>%{}]/g, (char) => `#${char.charCodeAt(0)};`);
}

function line(row: LadderRow): string {
  const text = escapeMermaid(`${readableTime(row.t)} · ${row.label}`);
  if (row.over) return `  Note over ${row.over.map((l) => ALIAS[l]).join(',')}: ${text}`;
  return `  ${ALIAS[row.from]}${row.dashed ? '-->>' : '->>'}${ALIAS[row.to]}: ${text}`;
}

/**
 * @example mermaidSequence(ladderRows(result.events), 'seed example') // 'sequenceDiagram\n  title seed example\n  participant E as Employee …'
 */
export function mermaidSequence(rows: readonly LadderRow[], title?: string): string {
  const head = ['sequenceDiagram'];
  if (title) head.push(`  title ${escapeMermaid(title)}`);
  head.push(...LIFELINES.map((l) => `  participant ${ALIAS[l]} as ${LIFELINE_NAMES[l]}`));
  if (rows.length === 0) head.push(`  Note over P: no call (the request was rejected)`);
  return [...head, ...rows.map(line)].join('\n') + '\n';
}
