import type { Account } from '../../account/schema.js';
import type { JsonRpcError } from '../../protocol/errors.js';
import type { ParamsDoc } from '../case.js';
import { explainError } from '../explain.js';
import { h } from './dom.js';

/**
 * Under the platform's exact answer: what it means, how to fix it (a button when the page can), and the
 * rules it comes from, linked into the spec (`spec.html#v4`, relative: works from file:// and /inspector/).
 */
export function explanationView(
  error: JsonRpcError['error'],
  params: ParamsDoc,
  account: Account | null,
  applyFix: ((params: ParamsDoc) => void) | null,
): HTMLElement | null {
  const explained = explainError(error, params, account);
  if (!explained) return null;
  return h(
    'div',
    { class: 'explain', 'data-explains': error.data.mnemonic },
    h('div', {}, h('b', {}, 'What it means: '), explained.text),
    h('div', {}, h('b', {}, 'Fix: '), explained.how),
    h(
      'div',
      { class: 'explain-actions' },
      explained.fix && applyFix
        ? h('button', { type: 'button', class: 'small apply-fix', onclick: () => applyFix(explained.fix!.params) }, explained.fix.label)
        : null,
      h(
        'span',
        { class: 'rules' },
        'Rules: ',
        ...explained.rules.flatMap((rule, i) => [i ? ', ' : '', h('a', { href: `spec.html#${rule}`, target: '_blank', rel: 'noopener', class: 'rule-link' }, rule.toUpperCase())]),
      ),
    ),
  );
}
