import type { InspectionEvent, Observer } from 'xstate';
import { h } from './dom.js';
import type { Store } from './store.js';

/**
 * The optional live view of the running machines in the Stately Inspector (`@statelyai/inspect`,
 * `createBrowserInspector`), which opens stately.ai's viewer in a new window. Off by default; its code
 * is a separate script (`stately.js`) loaded only when switched on, so the page works fully offline
 * without it and a failure only shows a message.
 */
interface BrowserInspector {
  inspect: Observer<InspectionEvent>;
  start(): void;
  stop(): void;
}

interface StatelyModule {
  createBrowserInspector(options?: { autoStart?: boolean }): BrowserInspector;
}

declare global {
  interface Window {
    StatelyInspect?: StatelyModule;
  }
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

async function createInspector(): Promise<BrowserInspector> {
  if (!window.StatelyInspect) await loadScript('stately.js');
  const module = window.StatelyInspect;
  if (!module) throw new Error('stately.js did not define the inspector');
  return module.createBrowserInspector({ autoStart: false });
}

/** The viewer the inspector's window opens (`createBrowserInspector`'s default). */
const VIEWER = 'https://stately.ai/inspect';

/**
 * Whether stately.ai answers at all: offline, the window it opened shows the browser's error page, and
 * the page must say so rather than "sent". An opaque (no-cors) answer is enough; any failure is "no".
 */
async function viewerReachable(): Promise<boolean> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return false;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 5000);
  try {
    await fetch(VIEWER, { mode: 'no-cors', cache: 'no-store', signal: abort.signal });
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The "Stately Inspector" checkbox. On: the inspector (made once, then restarted) gets the inspection
 * events of A's session, re-sent on every re-run; off: it is stopped and the runs go uninspected.
 */
export function statelyToggle(store: Store, say: (text: string) => void): HTMLElement {
  const box = h('input', { type: 'checkbox', id: 'stately' });
  let inspector: BrowserInspector | null = null;
  box.addEventListener('change', async () => {
    if (!box.checked) {
      inspector?.stop();
      store.runOptions = () => undefined;
      return say('Stately Inspector off.');
    }
    try {
      inspector ??= await createInspector();
      inspector.start();
    } catch (error) {
      box.checked = false;
      return say(`Stately Inspector unavailable: ${(error as Error).message}`);
    }
    let sent = 0;
    const target = inspector;
    store.runOptions = () => ({ inspect: (event: InspectionEvent) => (sent++, target.inspect.next?.(event)) });
    store.rerun();
    if (sent === 0) return say('Stately Inspector opened, but no inspection events reached it.');
    say('Stately Inspector: checking that stately.ai can be reached…');
    if (await viewerReachable()) say('Sent to the Stately Inspector window.');
    else say('Stately Inspector unreachable: its window needs the internet (stately.ai), and this browser cannot reach it — the window shows an error. Everything on this page works without it.');
  });
  return h('label', { class: 'check', title: 'Opens stately.ai’s viewer; needs the internet' }, box, ' Stately Inspector');
}
