/** Every `scenarios/*.yaml`, embedded by scripts/build-inspector.mjs at build time (file:// needs no fetch). */
declare module 'virtual:scenarios' {
  const files: { file: string; text: string }[];
  export default files;
}

/** The state charts of every machine src/index.ts exports, laid out by elkjs at build time. */
declare module 'virtual:charts' {
  import type { LaidOutChart } from '../../diagram/statechart.js';
  const charts: LaidOutChart[];
  export default charts;
}
