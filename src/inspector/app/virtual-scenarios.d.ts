/** Every `scenarios/*.yaml`, embedded by scripts/build-inspector.mjs at build time (file:// needs no fetch). */
declare module 'virtual:scenarios' {
  const files: { file: string; text: string }[];
  export default files;
}
