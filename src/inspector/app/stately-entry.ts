/** The separate, lazily loaded script `stately.js`: exposes `@statelyai/inspect` to the page. */
import { createBrowserInspector } from '@statelyai/inspect';

(window as unknown as { StatelyInspect: unknown }).StatelyInspect = { createBrowserInspector };
