import { h } from './dom.js';

/** The top bar's line for short messages ("Link copied…"); any part of the page may `say` something. */
export const flashLine = h('span', { class: 'flash', id: 'flash', 'aria-live': 'polite' });

/** Shows `text` in the top bar for three seconds (or `content`, e.g. a field to copy from, until replaced). */
export function say(text: string, ...content: Node[]): void {
  if (content.length) return void flashLine.replaceChildren(text, ...content);
  flashLine.textContent = text;
  setTimeout(() => (flashLine.textContent === text ? (flashLine.textContent = '') : undefined), 3000);
}
