import { BUILTIN_ACCOUNTS } from '../../account/builtin.js';
import { Account } from '../../account/schema.js';
import type { ScenarioDoc } from '../case.js';
import { h } from './dom.js';

/** The account a scenario names (built-in) or holds (inline), or null when it is neither. */
export function accountOf(doc: ScenarioDoc): Account | null {
  const account = doc.account ?? 'demo';
  if (typeof account === 'string') return BUILTIN_ACCOUNTS[account] ?? null;
  const parsed = Account.safeParse(account);
  return parsed.success ? parsed.data : null;
}

/** Suggestions for the form's text fields, from the account. */
export function accountLists(account: Account | null, employeeId: unknown): HTMLElement {
  const list = (id: string, options: [string, string][]) =>
    h('datalist', { id }, ...options.map(([value, label]) => h('option', { value }, label)));
  const employee = account?.employees.find((e) => e.id === Number(employeeId));
  return h(
    'div',
    { hidden: true },
    list('dl-media', (account?.media_files ?? []).map((f) => [String(f.id), `${f.name} (${f.duration_ms / 1000} s)`])),
    list('dl-employees', (account?.employees ?? []).map((e) => [String(e.id), e.full_name])),
    list('dl-employee-numbers', (employee?.numbers ?? []).map((n) => [n.number, `${n.kind}, ${n.status}`])),
    list('dl-virtual', (account?.virtual_numbers ?? []).map((v) => [v.number, v.region])),
    list('dl-contacts', [
      ...(account?.address_book ?? []).map((a): [string, string] => [a.number, a.name]),
      ...(account?.blacklist ?? []).map((b): [string, string] => [b, 'blacklisted']),
    ]),
  );
}
