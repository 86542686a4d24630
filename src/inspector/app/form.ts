import { isErrorResponse } from '../../protocol/errors.js';
import type { ParamsDoc } from '../case.js';
import { PARAM_FIELDS, fieldText, fieldValue, getPath, setPath, type FieldDef } from '../fields.js';
import type { Side } from './store.js';
import { accountOf } from './account-lists.js';
import { codeName, h } from './dom.js';
import { explanationView } from './explain-view.js';

const GROUPS: { title: string; names: string[] }[] = [
  { title: 'Call', names: ['first_call', 'switch_at_once', 'early_switching', 'media_file_id', 'dtmf_string', 'direction', 'external_id'] },
  { title: 'Employee', names: ['employee.id', 'employee.phone_number'] },
  { title: 'Messages', names: ['contact_message.type', 'contact_message.value', 'employee_message.type', 'employee_message.value'] },
  { title: 'Numbers', names: ['contact', 'virtual_phone_number', 'virtual_phone_usage_rule', 'show_virtual_phone_number'] },
  { title: 'Authentication', names: ['access_token'] },
];

/** Datalists the text fields suggest from (filled from the account by `accountLists`). */
const LIST_OF: Record<string, string> = {
  media_file_id: 'dl-media',
  'contact_message.value': 'dl-media',
  'employee_message.value': 'dl-media',
  'employee.id': 'dl-employees',
  'employee.phone_number': 'dl-employee-numbers',
  virtual_phone_number: 'dl-virtual',
  contact: 'dl-contacts',
};

export interface ParamsForm {
  el: HTMLElement;
  /** Puts the params' values into the fields (after a change made elsewhere). */
  fill(params: ParamsDoc | null): void;
  /** Shows the platform's error next to the field it names (`error.data.field`), or at the top. */
  showErrors(side: Side | null): void;
}

function control(field: FieldDef, id: string, onInput: () => void): HTMLElement {
  if (field.kind === 'enum' || field.kind === 'boolean') {
    const empty = field.required ? '— not sent (required) —' : `— not sent: ${field.default ?? 'none'} —`;
    const options = field.kind === 'boolean' ? ['true', 'false'] : (field.options ?? []);
    return h(
      'select',
      { id, 'data-field': field.name, onchange: onInput },
      h('option', { value: '' }, empty),
      ...options.map((option) => h('option', { value: option }, option)),
    );
  }
  const attrs = {
    id,
    'data-field': field.name,
    placeholder: field.required ? 'required' : field.default ? `default: ${field.default}` : 'not sent',
    list: LIST_OF[field.name],
    spellcheck: 'false',
    autocomplete: 'off',
    oninput: onInput,
  };
  return field.kind === 'longtext' ? h('textarea', { ...attrs, rows: 2 }) : h('input', { ...attrs, type: 'text' });
}

/**
 * The form of every start.employee_call parameter (SPEC §1), defaults shown; each keystroke re-runs the
 * simulation. `prefix` keeps the ids of the A and B forms apart.
 */
export function paramsForm(
  prefix: string,
  get: () => ParamsDoc | null,
  set: (params: ParamsDoc) => void,
  /** Replaces the params from outside the fields (a fix applied): the fields are filled anew. */
  replace: (params: ParamsDoc) => void,
): ParamsForm {
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
  const errors = new Map<string, HTMLElement>();
  const top = h('div', { class: 'form-error', hidden: true, 'data-error-for': '' });
  const rawNote = h('p', { class: 'note', hidden: true }, 'This scenario sends a raw body: edit it in the YAML tab.');

  const onInput = (field: FieldDef) => () => {
    const input = inputs.get(field.name)!;
    const params = get() ?? {};
    set(setPath(params, field.name, fieldValue(field, input.value)));
  };

  const byName = new Map(PARAM_FIELDS.map((f) => [f.name, f]));
  const groups = GROUPS.map((group) =>
    h(
      'fieldset',
      {},
      h('legend', {}, group.title),
      ...group.names.map((name) => {
        const field = byName.get(name)!;
        const id = `${prefix}-${name.replace('.', '-')}`;
        const input = control(field, id, onInput(field)) as HTMLInputElement;
        inputs.set(name, input);
        const error = h('div', { class: 'field-error', 'data-error-for': name, hidden: true });
        errors.set(name, error);
        return h(
          'div',
          { class: 'field' },
          h('label', { for: id }, codeName(name), field.required ? h('span', { class: 'req', title: 'required' }, '*') : null),
          input,
          field.hint ? h('small', {}, field.hint) : null,
          error,
        );
      }),
    ),
  );
  const el = h('form', { class: 'params', id: `${prefix}-form`, onsubmit: (e: Event) => e.preventDefault() }, rawNote, top, ...groups);

  return {
    el,
    fill(params) {
      rawNote.hidden = params !== null;
      for (const [name, input] of inputs) {
        const text = params ? fieldText(getPath(params, name)) : '';
        input.disabled = params === null;
        if (input instanceof HTMLSelectElement) {
          // A value the list does not offer (a wrong one, kept to show its error) is offered while it is sent.
          for (const extra of input.querySelectorAll('option[data-extra]')) extra.remove();
          if (![...input.options].some((option) => option.value === text))
            input.append(h('option', { value: text, 'data-extra': true }, text));
        }
        input.value = text;
      }
    },
    showErrors(side) {
      for (const error of errors.values()) error.hidden = true;
      for (const input of inputs.values()) input.classList.remove('invalid');
      top.hidden = true;
      const response = side?.run?.result.response;
      if (!response || !isErrorResponse(response)) return;
      const { code, message, data } = response.error;
      const field = data.field ?? '';
      const name = [field, `${field}.type`, `${field}.id`].find((n) => errors.has(n));
      const slot = name ? errors.get(name)! : top;
      slot.replaceChildren(h('b', {}, `${code} ${data.mnemonic}`), ' ', message);
      if (data.field) slot.append(h('span', { class: 'muted' }, ` (field ${data.field})`));
      const explained = explanationView(response.error, get() ?? {}, side ? accountOf(side.doc) : null, replace);
      if (explained) slot.append(explained);
      slot.hidden = false;
      if (name) inputs.get(name)!.classList.add('invalid');
    },
  };
}
