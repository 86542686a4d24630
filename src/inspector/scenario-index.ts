import { docFromYaml } from './case.js';

/** One scenario file as the picker lists it. */
export interface ScenarioEntry {
  file: string;
  title: string;
  rules: string[];
  description: string;
}

export interface ScenarioGroup {
  /** `R3`, `D11`, `V4`, or `Other`. */
  rule: string;
  entries: ScenarioEntry[];
}

/** `r10-…` after `r9-…`: names compared with their numbers as numbers. */
const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The rule a file is named after (`r3-early-…` → `R3`), or null. */
function ruleOfFile(file: string): string | null {
  const match = /^([rdv])(\d+)-/i.exec(file);
  return match ? `${match[1]!.toUpperCase()}${match[2]}` : null;
}

const KIND_ORDER = ['R', 'D', 'V'];
function groupOrder(a: string, b: string): number {
  const rank = (rule: string) => (rule === 'Other' ? KIND_ORDER.length : KIND_ORDER.indexOf(rule[0]!));
  return rank(a) - rank(b) || natural.compare(a, b);
}

/**
 * The scenario files grouped by the rule each is named after (R1…R16, then D…, V…, then the rest), each
 * group in natural order (r1, r2, … r10), each file with its title (`name:`) and the rules it cites.
 * @example scenarioGroups(files)[0] // { rule: 'R1', entries: [{ file: 'r1-….yaml', title: '…', rules: ['R1', …] }] }
 */
export function scenarioGroups(files: readonly { file: string; text: string }[]): ScenarioGroup[] {
  const groups = new Map<string, ScenarioEntry[]>();
  for (const { file, text } of [...files].sort((a, b) => natural.compare(a.file, b.file))) {
    const parsed = docFromYaml(text);
    const doc = parsed.ok ? parsed.doc : {};
    const entry: ScenarioEntry = {
      file,
      title: typeof doc.name === 'string' ? doc.name : file.replace(/\.ya?ml$/, ''),
      rules: Array.isArray(doc.rules) ? doc.rules.map(String) : [],
      description: typeof doc.description === 'string' ? doc.description : '',
    };
    const rule = ruleOfFile(file) ?? 'Other';
    groups.set(rule, [...(groups.get(rule) ?? []), entry]);
  }
  return [...groups.entries()].sort(([a], [b]) => groupOrder(a, b)).map(([rule, entries]) => ({ rule, entries }));
}

/**
 * The groups with only the entries matching every word of `query` (in the title, file name, rules or
 * description; case-insensitive); empty groups dropped.
 * @example filterGroups(groups, 'voicemail r3')
 */
export function filterGroups(groups: readonly ScenarioGroup[], query: string): ScenarioGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...groups];
  const matches = (entry: ScenarioEntry) => {
    const text = `${entry.title} ${entry.file} ${entry.rules.join(' ')} ${entry.description}`.toLowerCase();
    return words.every((word) => text.includes(word));
  };
  return groups.map((group) => ({ ...group, entries: group.entries.filter(matches) })).filter((group) => group.entries.length > 0);
}
