import type { InspectionEvent, Observer } from 'xstate';

/**
 * The optional live view of the running machines in the Stately Inspector (`@statelyai/inspect`,
 * `createBrowserInspector`), which opens stately.ai's viewer in a new window. Off by default; its code
 * is a separate script (`stately.js`) loaded only when switched on, so the page works fully offline
 * without it and a failure only shows a message.
 */
export interface StatelyHandle {
  inspect: Observer<InspectionEvent>;
  stop(): void;
}

interface StatelyModule {
  createBrowserInspector(options?: { autoStart?: boolean }): { inspect: Observer<InspectionEvent>; start(): void; stop(): void };
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

/** Loads the inspector's script (once) and opens the Stately Inspector window. */
export async function startStately(): Promise<StatelyHandle> {
  if (!window.StatelyInspect) await loadScript('stately.js');
  const module = window.StatelyInspect;
  if (!module) throw new Error('stately.js did not define the inspector');
  const inspector = module.createBrowserInspector({ autoStart: true });
  return { inspect: inspector.inspect, stop: () => inspector.stop() };
}
