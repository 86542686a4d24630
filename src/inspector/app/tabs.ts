import { h } from './dom.js';

export interface Tabs {
  bar: HTMLElement;
  panels: HTMLElement;
  show(id: string): void;
  /** Hides or shows a tab's button (Parameters B exists only while comparing). */
  setHidden(id: string, hidden: boolean): void;
}

/** The left panel's tabs: one button and one panel each, one panel shown at a time. */
export function tabs(list: { id: string; label: string; body: HTMLElement }[]): Tabs {
  const bar = h('div', { class: 'tabs', role: 'tablist' });
  const panels = h('div', { class: 'panels' });
  const show = (id: string) => {
    for (const button of bar.querySelectorAll<HTMLButtonElement>('button')) button.setAttribute('aria-selected', String(button.dataset.tab === id));
    for (const panel of panels.children) (panel as HTMLElement).hidden = (panel as HTMLElement).dataset.panel !== id;
  };
  for (const tab of list) {
    bar.append(h('button', { type: 'button', role: 'tab', id: `tab-${tab.id}`, 'data-tab': tab.id, onclick: () => show(tab.id) }, tab.label));
    panels.append(h('div', { 'data-panel': tab.id, role: 'tabpanel' }, tab.body));
  }
  return {
    bar,
    panels,
    show,
    setHidden(id, hidden) {
      (bar.querySelector(`[data-tab="${id}"]`) as HTMLElement).hidden = hidden;
    },
  };
}
